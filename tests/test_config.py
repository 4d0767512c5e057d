from planwatch.config import Settings


def test_db_option_wins_over_environment() -> None:
    env = {"PLANWATCH_DATABASE_URL": "postgresql://x/y", "PLANWATCH_SECRET_KEY": "k"}
    assert Settings.from_env(env, db="a.db").database_url == "sqlite:///a.db"
    assert Settings.from_env(env).database_url == "postgresql://x/y"
    assert Settings.from_env({}).database_url == "sqlite:///planwatch.db"
    assert Settings.from_env(env).secret_key == "k"


def test_https_only_cookie_setting() -> None:
    assert not Settings.from_env({}).https_only
    assert Settings.from_env({"PLANWATCH_HTTPS_ONLY": "1"}).https_only
