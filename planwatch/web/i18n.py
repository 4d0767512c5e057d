"""The interface's words in Chinese (first) and English: one small catalogue, no gettext.

Data stays in the language it was written in (indicator names, report text); only the
interface's own labels switch. ``?lang=en`` picks English and remembers it in a cookie.
"""

from __future__ import annotations

from collections.abc import Callable

from planwatch.vocabulary import words

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
COOKIE = "planwatch_lang"

MESSAGES: dict[str, dict[str, str]] = {
    "app_name": {"zh": "计划执行监测", "en": "Plan Watch"},
    "overview": {"zh": "指标总览", "en": "Overview"},
    "board": {"zh": "重点任务与项目", "en": "Tasks and projects"},
    "compare": {"zh": "地区比较", "en": "Compare regions"},
    "documents": {"zh": "文件审核", "en": "Documents"},
    "upload": {"zh": "上传文件", "en": "Upload"},
    "report": {"zh": "执行情况报告", "en": "Report"},
    "enter": {"zh": "填报数据", "en": "Enter figures"},
    "login": {"zh": "登录", "en": "Sign in"},
    "logout": {"zh": "退出", "en": "Sign out"},
    "username": {"zh": "用户名", "en": "User name"},
    "password": {"zh": "密码", "en": "Password"},
    "signed_in_as": {"zh": "当前用户", "en": "Signed in as"},
    "time_progress": {"zh": "时间进度", "en": "Time progress"},
    "completion": {"zh": "完成进度", "en": "Completion"},
    "value": {"zh": "数值", "en": "Value"},
    "growth": {"zh": "同比增长", "en": "Growth y/y"},
    "target": {"zh": "全年目标", "en": "Annual target"},
    "status": {"zh": "状态", "en": "Status"},
    "gap": {"zh": "差距", "en": "Gap"},
    "sources": {"zh": "数据来源", "en": "Sources"},
    "history": {"zh": "历史走势", "en": "History"},
    "assessment": {"zh": "进度判断", "en": "Assessment"},
    "targets": {"zh": "计划目标", "en": "Targets"},
    "period": {"zh": "期间", "en": "Period"},
    "measure": {"zh": "口径", "en": "Measure"},
    "unit": {"zh": "单位", "en": "Unit"},
    "subject": {"zh": "主体", "en": "Subject"},
    "entered_by": {"zh": "录入人", "en": "Entered by"},
    "document": {"zh": "文件", "en": "Document"},
    "fact": {"zh": "事实", "en": "Fact"},
    "accept": {"zh": "确认", "en": "Accept"},
    "reject": {"zh": "驳回", "en": "Reject"},
    "correct": {"zh": "更正", "en": "Correct"},
    "save": {"zh": "保存", "en": "Save"},
    "task_unknown": {"zh": "未量化", "en": "not quantified"},
    "rank": {"zh": "排名", "en": "Rank"},
    "region": {"zh": "地区", "en": "Region"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "department": {"zh": "责任单位", "en": "Lead department"},
    "progress": {"zh": "进展", "en": "Progress"},
    "tasks": {"zh": "重点任务", "en": "Key tasks"},
    "projects": {"zh": "重大项目", "en": "Major projects"},
    "warnings": {"zh": "提取提示", "en": "Extraction warnings"},
    "notes": {"zh": "提示", "en": "Notes"},
    "choose_file": {"zh": "选择文件(txt/html/docx/pdf)", "en": "Choose a file (txt/html/docx/pdf)"},
    "uploaded": {"zh": "已上传", "en": "Uploaded"},
    "already_stored": {"zh": "该文件此前已入库", "en": "This file was already stored"},
    "facts_found": {"zh": "提取事实数", "en": "Facts found"},
    "open_review": {"zh": "去审核", "en": "Review them"},
    "downloads": {"zh": "下载", "en": "Downloads"},
    "narratives": {"zh": "文字部分", "en": "Narrative"},
    "error": {"zh": "出错了", "en": "Something is wrong"},
    "how_to_fix": {"zh": "处理办法", "en": "How to fix"},
    "error_code": {"zh": "错误代码", "en": "Error code"},
    "lagging_first": {"zh": "滞后指标排在前面", "en": "Lagging items first"},
    "no_data": {"zh": "暂无数据", "en": "No data yet"},
    "json": {"zh": "JSON 数据", "en": "JSON"},
    "submitted_via": {"zh": "录入方式", "en": "Entered via"},
    "version": {"zh": "版本", "en": "Version"},
    "note": {"zh": "备注", "en": "Note"},
    "change_reason": {"zh": "修改原因", "en": "Reason for the change"},
    "change_reason_hint": {
        "zh": "修改已审核数据时必填",
        "en": "required when changing an approved figure",
    },
    "changes": {"zh": "修改记录", "en": "Change log"},
    "excel_upload": {"zh": "Excel 批量填报", "en": "Excel upload"},
    "stored_count": {"zh": "已保存条数", "en": "Figures stored"},
    "findings": {"zh": "数据不一致提示", "en": "Findings"},
    "stage": {"zh": "阶段", "en": "Stage"},
    "investment": {"zh": "总投资", "en": "Investment"},
    # page texts
    "all_facts": {"zh": "全部", "en": "All"},
    "indicator_facts": {"zh": "仅指标", "en": "Indicators only"},
    "show_facts": {"zh": "显示哪些事实", "en": "Which facts to show"},
    "action": {"zh": "操作", "en": "Action"},
    "all_figures": {"zh": "历史数据", "en": "All figures"},
    "all_indicators": {"zh": "全部指标", "en": "all indicators"},
    "entered_at": {"zh": "录入时间", "en": "Entered at"},
    "excel_headers": {
        "zh": "第一行为表头:指标、口径、数值、单位、备注",
        "en": "Row 1 holds the headers: indicator, measure, value, unit, note",
    },
    "file_import": {"zh": "批量导入", "en": "file import"},
    "from_document": {"zh": "文件审核确认", "en": "accepted from a document"},
    "from_file_cli": {"zh": "批量导入(命令行)", "en": "loaded from a file (command line)"},
    "home_intro": {
        "zh": "各地区年度计划及已有数据的期间",
        "en": "Annual plans and the periods with figures",
    },
    "login_failed": {"zh": "用户名或密码错误", "en": "Wrong user name or password"},
    "login_subtitle": {
        "zh": "国民经济和社会发展计划执行情况",
        "en": "Annual development plans: targets, figures, progress",
    },
    "not_compared": {"zh": "未纳入比较", "en": "Not compared"},
    "other_figures": {"zh": "其他主要指标", "en": "Other figures"},
    "placeholders_left": {
        "zh": "报告中有待填写的文字部分(标黄处),请在右侧填写并保存。",
        "en": "Parts of the text are still to be written (marked yellow): fill them in on the right.",
    },
    "plan": {"zh": "计划", "en": "Plan"},
    "plan_file": {"zh": "计划文件", "en": "plan file"},
    "saved": {"zh": "已保存", "en": "Saved"},
    "share": {"zh": "比重/比率", "en": "Share"},
    "stored_as": {"zh": "已入库", "en": "Stored as"},
    "stored_documents": {"zh": "已入库文件", "en": "Stored documents"},
    "upload_intro": {
        "zh": "上传计划执行情况报告等文件,系统提取其中的数字,经审核后入库。",
        "en": "Upload a report; its numbers are extracted and wait for review.",
    },
    "when": {"zh": "时间", "en": "When"},
    "who": {"zh": "操作人", "en": "Who"},
    "year": {"zh": "年度", "en": "Year"},
    "metric_completion": {"zh": "按完成进度排名", "en": "ranked by completion"},
    "metric_growth": {"zh": "按增速排名", "en": "ranked by growth"},
    "metric_reduction": {"zh": "按降低率排名", "en": "ranked by reduction"},
    "metric_value": {"zh": "按数值排名", "en": "ranked by value"},
    # audit actions, shown instead of their codes
    "action_insert": {"zh": "新增", "en": "added"},
    "action_update": {"zh": "修改", "en": "changed"},
    "action_delete": {"zh": "删除", "en": "deleted"},
    "beijing_time": {"zh": "北京时间", "en": "Beijing time"},
    # what went wrong, by error code: the error page leads with it in the reader's language
    "error_bad_request": {"zh": "请求有误", "en": "The request is not right"},
    "error_invalid_input": {"zh": "输入的内容有误", "en": "Something in the input is wrong"},
    "error_validation_failed": {"zh": "填写的内容不符合要求", "en": "A field is not valid"},
    "error_not_found": {"zh": "找不到该内容", "en": "Not found"},
    "error_conflict": {
        "zh": "内容已被他人修改,请刷新后重试",
        "en": "Someone else changed this meanwhile: reload and try again",
    },
    "error_forbidden": {"zh": "没有权限", "en": "Not allowed"},
    "error_unauthorized": {"zh": "请先登录", "en": "Please sign in"},
    "error_too_large": {"zh": "文件或内容过大", "en": "The file or request is too large"},
    "error_too_many_requests": {
        "zh": "密码错误次数过多,请一分钟后再试",
        "en": "Too many wrong passwords: try again in a minute",
    },
    "error_busy": {"zh": "系统繁忙,请稍后再试", "en": "The system is busy: try again shortly"},
    "error_method_not_allowed": {"zh": "不支持该操作", "en": "This action is not supported here"},
    "error_server_error": {"zh": "服务器出错", "en": "The server failed"},
    # the report page: its settings, review panel and number check
    "report_details": {
        "zh": "写明时间过半、任务过半情况(完成全年目标的比例、与序时进度相比)",
        "en": "Add time progress (share of the annual target, against time elapsed)",
    },
    "apply": {"zh": "应用", "en": "Apply"},
    "review_panel": {"zh": "审核提示", "en": "Review"},
    "review_nothing": {"zh": "暂无需要核实的问题。", "en": "Nothing to look at."},
    "submissions": {"zh": "报送审核", "en": "Submissions"},
    "submissions_intro": {
        "zh": "各部门本期数据的报送和审核情况。报送后由规划办审核通过、退回或发布。",
        "en": "Where each department's figures of the period stand: submitted figures are "
        "approved, returned or published by the planning office.",
    },
    "comment": {"zh": "审核意见", "en": "Comment"},
    "return_needs_comment": {"zh": "退回时请写明原因", "en": "say why when returning"},
    "departments": {"zh": "部门管理", "en": "Departments"},
    "department_name": {"zh": "部门名称", "en": "Department name"},
    "add": {"zh": "添加", "en": "Add"},
    "users_of": {"zh": "填报人员", "en": "Reporters"},
    "audit": {"zh": "操作日志", "en": "Audit log"},
    "audit_intro": {
        "zh": "每一次数据修改的记录：谁、何时、改了什么。",
        "en": "Every change to stored data: who, when, what.",
    },
    "object": {"zh": "对象", "en": "Object"},
    "entry_no": {"zh": "序号", "en": "No."},
    # what an audit entry changed, by table
    "table_regions": {"zh": "地区", "en": "region"},
    "table_departments": {"zh": "部门", "en": "department"},
    "table_indicators": {"zh": "指标", "en": "indicator"},
    "table_plans": {"zh": "计划", "en": "plan"},
    "table_targets": {"zh": "目标", "en": "target"},
    "table_observations": {"zh": "数据", "en": "figure"},
    "table_tasks": {"zh": "重点任务", "en": "key task"},
    "table_task_progress": {"zh": "任务进展", "en": "task progress"},
    "table_projects": {"zh": "重大项目", "en": "project"},
    "table_documents": {"zh": "文件", "en": "document"},
    "table_facts": {"zh": "提取事实", "en": "fact"},
    "table_users": {"zh": "用户", "en": "user"},
    "table_submissions": {"zh": "报送", "en": "submission"},
    "table_api_tokens": {"zh": "API 令牌", "en": "API token"},
    "table_narratives": {"zh": "文字部分", "en": "narrative"},
    "table_sign_ins": {"zh": "登录", "en": "sign-in"},
    "row_no": {"zh": "记录号", "en": "Row"},
    "changes_made": {"zh": "修改内容", "en": "Changes"},
    "since": {"zh": "起始时间", "en": "From"},
    "until": {"zh": "截止时间", "en": "Until"},
    "filter": {"zh": "筛选", "en": "Filter"},
    "export_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "export_xlsx": {"zh": "导出 Excel", "en": "Export Excel"},
    "total_rows": {"zh": "共", "en": "Total"},
    "next_page": {"zh": "下一页", "en": "Next"},
    "previous_page": {"zh": "上一页", "en": "Previous"},
    "unreviewed": {"zh": "未审核", "en": "not yet approved"},
    "preview_note": {
        "zh": "预览：含已报送未审核数据，标“未审核”的数字尚未通过审核。",
        "en": "Preview: includes submitted figures; those marked 'not yet approved' are not "
        "approved yet.",
    },
    "review_not_printed": {
        "zh": "以上提示仅供审核，不出现在报告正文中。",
        "en": "For review only: none of this is printed in the report.",
    },
    "ledger": {"zh": "重点项目调度", "en": "Major-project ledger"},
    "ledger_totals": {"zh": "汇总", "en": "Totals"},
    "year_investment": {"zh": "年度计划投资", "en": "Planned this year"},
    "investment_ytd": {"zh": "累计完成投资", "en": "Completed year to date"},
    "start_rate": {"zh": "开工率", "en": "Start rate"},
    "completion_rate": {"zh": "竣工率", "en": "Completion rate"},
    "investment_share": {"zh": "占年度计划", "en": "Share of annual plan"},
    "reason": {"zh": "原因", "en": "Reason"},
    "level_of_project": {"zh": "级别", "en": "Level"},
    "category": {"zh": "类别", "en": "Category"},
    "lagging_projects": {"zh": "滞后项目", "en": "Lagging projects"},
    "open_supervisions": {"zh": "未办结督办", "en": "Open 督办 items"},
    "filter_all": {"zh": "全部", "en": "All"},
    "apply_filters": {"zh": "筛选", "en": "Filter"},
    "no_projects": {"zh": "没有符合条件的项目", "en": "No project matches"},
    "milestones": {"zh": "项目节点", "en": "Milestones"},
    "planned_date": {"zh": "计划时间", "en": "Planned"},
    "done_date": {"zh": "完成时间", "en": "Done"},
    "overdue": {"zh": "已逾期", "en": "Overdue"},
    "supervisions": {"zh": "督办事项", "en": "督办 (supervised problems)"},
    "due_date": {"zh": "办结时限", "en": "Due"},
    "answer": {"zh": "答复", "en": "Answer"},
    "planned_line": {"zh": "序时计划", "en": "Planned (even pace)"},
    "cumulative_investment": {"zh": "累计完成投资", "en": "Cumulative investment"},
    "ledger_as_of": {"zh": "调度期", "en": "As of"},
    # collecting the figures: the reporting calendar, completeness, reminders, templates
    "completeness": {"zh": "报送情况", "en": "Reporting completeness"},
    "completeness_line": {"zh": "本期应报", "en": "Due this period"},
    "expected": {"zh": "应报", "en": "Expected"},
    "received": {"zh": "已报", "en": "In"},
    "late": {"zh": "迟报", "en": "Late"},
    "not_reported": {"zh": "逾期未报", "en": "Overdue"},
    "not_due": {"zh": "未到期", "en": "Not yet due"},
    "on_time": {"zh": "按时", "en": "On time"},
    "on_time_rate": {"zh": "全年按时报送率", "en": "On-time rate this year"},
    "frequency": {"zh": "报送频率", "en": "Frequency"},
    "due": {"zh": "截止日期", "en": "Due"},
    "received_at": {"zh": "报送时间", "en": "Received"},
    "days_late": {"zh": "逾期天数", "en": "Days late"},
    "as_of": {"zh": "统计日期", "en": "As of"},
    "missing_items": {"zh": "未报事项", "en": "Still missing"},
    "all_in": {"zh": "本期已全部报送。", "en": "Everything is in for this period."},
    "no_calendar": {
        "zh": "该地区本年计划尚未设定报送日历。",
        "en": "This region's plan sets no reporting calendar.",
    },
    "warning_comment": {"zh": "说明", "en": "Comment"},
    "warning_comment_hint": {
        "zh": "数据触发校验警告时，说明其合理原因",
        "en": "why the figure is right, when a validation warning flags it",
    },
    "rules": {"zh": "校验规则", "en": "Validation rules"},
    "excel_template": {"zh": "下载填报模板", "en": "Download the Excel template"},
    "severity": {"zh": "级别", "en": "Severity"},
    "severity_error": {"zh": "错误（阻止报送）", "en": "error (blocks)"},
    "severity_warning": {"zh": "警告（需填写说明）", "en": "warning (needs a comment)"},
}


# coded words of the domain, under the keys the templates ask for (measure_yoy_growth …)
_VOCABULARY_KEYS = {
    "measures": "measure_",
    "target_kinds": "kind_",
    "observation_statuses": "figure_",
    "review_statuses": "",
    "assessment_statuses": "",
    "project_stages": "",
    "roles": "role_",
    "project_categories": "category_",
    "project_levels": "plevel_",
    "ledger_stages": "lstage_",
    "milestone_kinds": "milestone_",
    "supervision_statuses": "supervision_",
    "region_levels": "level_",
    "submission_statuses": "submission_",
    "submission_steps": "step_",
    "frequencies": "frequency_",
}
for _group, _prefix in _VOCABULARY_KEYS.items():
    for _code, _word in words(_group).items():
        MESSAGES[_prefix + _code] = {"zh": _word.zh, "en": _word.en}


def language(query: str | None, cookie: str | None) -> str:
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the word in ``lang``; an unknown key shows itself, so gaps are visible."""

    def t(key: str) -> str:
        entry = MESSAGES.get(key)
        return entry.get(lang, entry[DEFAULT_LANGUAGE]) if entry else key

    return t
