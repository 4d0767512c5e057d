from planwatch.config import Settings


def test_db_option_wins_over_environment() -> None:
    env = {"PLANWATCH_DATABASE_URL": "postgresql://x/y", "PLANWATCH_SECRET_KEY": "k"}
    assert Settings.from_env(env, db="a.db").database_url == "sqlite:///a.db"
    assert Settings.from_env(env).database_url == "postgresql://x/y"
    assert Settings.from_env({}).database_url == "sqlite:///planwatch.db"
    assert Settings.from_env(env).secret_key == "k"
