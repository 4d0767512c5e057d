"""The interface's words in Chinese (first) and English: one small catalogue, no gettext.

Data stays in the language it was written in (indicator names, report text); only the
interface's own labels switch. ``?lang=en`` picks English and remembers it in a cookie.
"""

from __future__ import annotations

from collections.abc import Callable

from planwatch.vocabulary import span_phrase, words

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
    "menu": {"zh": "菜单", "en": "Menu"},
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
    "chart_no_figures": {
        "zh": "暂无图表：该指标在本地区还没有计入的数值、增速或比重",
        "en": "No chart: no value, growth or share of this indicator counts for the region yet",
    },
    "chart_no_ranking": {
        "zh": "暂无图表：本期没有地区报送可比较的数据",
        "en": "No chart: no region has a comparable figure for this period",
    },
    "chart_no_progress": {
        "zh": "暂无图表：该项目还没有填报投资进度",
        "en": "No chart: no investment progress has been entered for this project",
    },
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
    "accept_many": {"zh": "批量接受", "en": "Accept many"},
    "accept_indicators": {"zh": "接受全部指标事实", "en": "Accept all indicator facts"},
    "accept_measure": {"zh": "接受该类全部事实", "en": "Accept all facts of this measure"},
    "accept_selected": {"zh": "接受所选事实", "en": "Accept the selected facts"},
    "select_fact": {"zh": "选中此事实", "en": "Select this fact"},
    "accepted_many": {"zh": "已接受事实条数", "en": "Facts accepted"},
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
    "login_no_users": {
        "zh": "此数据库还没有任何用户，无法登录。请在服务器上运行 "
        "planwatch users add 用户名 --role admin 添加管理员，再用其密码登录。",
        "en": "This database has no users yet, so nobody can sign in. On the server, run "
        "planwatch users add NAME --role admin to add an administrator, then sign in.",
    },
    "login_link_used": {
        "zh": "此登录链接已使用或已过期。请用用户名和密码登录。",
        "en": "This sign-in link was used already or has expired. Sign in with your password.",
    },
    "login_subtitle": {
        "zh": "国民经济和社会发展计划执行情况",
        "en": "Annual development plans: targets, figures, progress",
    },
    "not_compared": {"zh": "未纳入比较", "en": "Not compared"},
    "other_figures": {"zh": "其他主要指标", "en": "Other figures"},
    "rollup": {"zh": "下级汇总", "en": "Sum of the subdivisions"},
    "rollup_intro": {
        "zh": "总量指标的本级报告数与各下级报告数之和对照；比率、增速和人均指标不汇总。",
        "en": "Amounts the region reports beside the sum its subdivisions report; rates, "
        "growths and per-head figures are never summed.",
    },
    "rollup_own": {"zh": "本级报告", "en": "Reported here"},
    "rollup_children": {"zh": "下级合计", "en": "Subdivisions' sum"},
    "rollup_difference": {"zh": "差额", "en": "Difference"},
    "rollup_reporting": {"zh": "（%d/%d个下级已报）", "en": "(%d of %d reporting)"},
    "rollup_incomplete": {"zh": "下级未报齐", "en": "not all reported"},
    "rollup_agrees": {"zh": "一致", "en": "agrees"},
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
    "table_project_milestones": {"zh": "项目节点", "en": "project milestone"},
    "table_project_progress": {"zh": "项目进度", "en": "project progress"},
    "table_project_supervisions": {"zh": "督办事项", "en": "supervision item"},
    "table_reporting_items": {"zh": "报送事项", "en": "reporting item"},
    "table_reminders": {"zh": "催报提醒", "en": "reminder"},
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
    "reported_totals": {"zh": "报告所述汇总数", "en": "Totals stated in documents"},
    "reported_scope": {
        "zh": "全部项目合计，不受筛选影响",
        "en": "for all the plan's projects, whatever the filters",
    },
    "reported_value": {"zh": "报告数", "en": "Reported"},
    "ledger_value": {"zh": "台账计算数", "en": "Ledger"},
    "reported_agrees": {"zh": "一致", "en": "agrees"},
    "reported_partial": {
        "zh": "有项目未填报，未作比对",
        "en": "some projects lack a figure: not compared",
    },
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
    "stage_as_of": {"zh": "按日期和节点推算，截至", "en": "from its dates and milestones, as of"},
    "stated_stage": {"zh": "计划所列", "en": "the plan states"},
    # a month's progress of a department's projects, entered on one form
    "month_entry": {"zh": "填报项目进展", "en": "Enter project progress"},
    "month_entry_for": {"zh": "填报月份", "en": "Month entered"},
    "last_month": {"zh": "上月", "en": "Last month"},
    "month_investment": {"zh": "当月完成投资", "en": "Invested in the month"},
    "ytd_since_january": {"zh": "自年初累计完成投资", "en": "Invested since January"},
    "image_progress": {"zh": "形象进度", "en": "Physical progress"},
    "milestones_done": {"zh": "节点完成日期", "en": "Milestones reached on"},
    "projects_saved": {"zh": "已保存项目数", "en": "Projects saved"},
    "no_lead_projects": {
        "zh": "该单位没有牵头的重大项目。",
        "en": "This department leads no major project.",
    },
    "month_entry_hint": {
        "zh": "空白行不保存；一处出错则整表不保存，请按标红提示更正。",
        "en": "Blank rows are skipped; if any field is wrong nothing is saved: correct the fields marked in red.",
    },
    "all_departments": {"zh": "全部单位", "en": "All departments"},
    # the project list to and from Excel
    "ledger_import": {"zh": "导入项目台账", "en": "Import the project list"},
    "ledger_export": {"zh": "导出项目台账(可编辑)", "en": "Export the project list (editable)"},
    "sheet_problems": {
        "zh": "表格有以下问题，未保存任何数据。请更正后重新上传。",
        "en": "The sheet has these problems; nothing was stored. Correct them and upload again.",
    },
    "sheet_row": {"zh": "行", "en": "Row"},
    "sheet_column": {"zh": "列", "en": "Column"},
    "projects_added": {"zh": "新增项目", "en": "Projects added"},
    "cells_changed": {"zh": "修改单元格", "en": "Cells changed"},
    "field": {"zh": "栏目", "en": "Field"},
    "before": {"zh": "原值", "en": "Before"},
    "after": {"zh": "新值", "en": "After"},
    "task_entry": {"zh": "填报任务进展", "en": "Report the task's progress"},
    "edit_project": {"zh": "编辑项目台账", "en": "Edit the project"},
    "close_project": {"zh": "竣工", "en": "Close (completed on)"},
    "add_project": {"zh": "新增项目", "en": "Add a project"},
    "progress_template": {"zh": "下载进展填报模板", "en": "Download the progress template"},
    "progress_upload": {"zh": "上传进展表", "en": "Upload the progress sheet"},
    "choose": {"zh": "选择", "en": "Choose"},
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
    "due_rule": {"zh": "报送时限", "en": "Due rule"},
    "due_rule_hint": {
        "zh": "如 次月10日、期末后15天；空着按报送频率的默认",
        "en": "e.g. 次月10日 (the 10th of the next month); empty: the frequency's default",
    },
    "frequency_default": {"zh": "默认", "en": "default"},
    "reminder_contact": {"zh": "提醒地址", "en": "Reminder addresses"},
    "contact_email": {"zh": "电子邮箱", "en": "E-mail"},
    "contact_webhook": {"zh": "工作群机器人地址", "en": "Work-chat robot webhook"},
    "contact_webhook_keep": {"zh": "已设置；空着不改", "en": "set; leave empty to keep"},
    "contact_email_example": {"zh": "单位的公务邮箱", "en": "the office's e-mail, name@host"},
    "contact_webhook_example": {
        "zh": "工作群机器人的完整地址",
        "en": "the work-chat robot's address, https://…",
    },
    "contact_webhook_clear": {"zh": "清除机器人地址", "en": "Clear the webhook"},
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
    "reminders_sent": {"zh": "催报记录", "en": "Reminders sent"},
    "no_reminders": {"zh": "本期尚未发送催报。", "en": "No reminder sent for this period."},
    "sent_at": {"zh": "发送时间", "en": "Sent"},
    "channel": {"zh": "渠道", "en": "Channel"},
    "channel_email": {"zh": "电子邮件", "en": "E-mail"},
    "channel_webhook": {"zh": "工作群机器人", "en": "Work-chat robot"},
    "address": {"zh": "地址", "en": "Address"},
    "outcome": {"zh": "结果", "en": "Outcome"},
    "outcome_sent": {"zh": "已发送", "en": "Sent"},
    "outcome_failed": {"zh": "失败", "en": "Failed"},
    "upload_problems": {"zh": "上传的表格有问题", "en": "Problems in the uploaded sheet"},
    "rule_settings": {"zh": "阈值", "en": "Thresholds"},
    "rule_changed": {"zh": "已调整", "en": "changed"},
    "rules_edit_note": {
        "zh": "修改后立即用于填报、上传和报送的校验，并记入操作日志",
        "en": "a change applies at once to entry, upload and submission, and is audited",
    },
}


# the plan forms, the entry form and the navigation (issue 14)
MESSAGES.update(
    {
        "plan_new": {"zh": "新建计划", "en": "New plan"},
        "plan_new_intro": {
            "zh": "在表单中新建一个地区的年度计划，或上传填好的Excel模板、YAML计划文件。",
            "en": "Create a region's annual plan in the forms, or upload a filled-in "
            "Excel template or a YAML plan file.",
        },
        "plan_in_forms": {"zh": "在表单中新建", "en": "Create in the forms"},
        "region_code": {"zh": "地区代码", "en": "Region code"},
        "plan_title": {"zh": "计划名称", "en": "Title"},
        "plan_title_hint": {
            "zh": "如：江夏区2024年国民经济和社会发展计划",
            "en": "e.g. the district's 2024 development plan",
        },
        "plan_create": {"zh": "新建并编辑", "en": "Create and edit"},
        "plan_from_file": {"zh": "从文件导入", "en": "From a file"},
        "plan_file_intro": {
            "zh": "下载Excel计划模板，在“计划”“目标”“重点任务”“重大项目”四张表中填写后上传；"
            "也可上传YAML计划文件（与命令行导入计划所用的格式相同）。",
            "en": "Download the Excel plan template, fill in its sheets (plan, targets, "
            "tasks, projects) and upload it; a YAML plan file (the format of the command "
            "line's plan load) is read too.",
        },
        "plan_template": {"zh": "下载Excel计划模板", "en": "Download the Excel template"},
        "plan_edit": {"zh": "编辑计划", "en": "Edit plan"},
        "plan_view": {"zh": "查看计划", "en": "View plan"},
        "plan_replace_intro": {
            "zh": "用文件中的计划整体替换本计划的目标、重点任务和重大项目。",
            "en": "Replace this plan's targets, tasks and projects with the plan in a file.",
        },
        "plan_replace": {"zh": "从文件替换", "en": "Replace from file"},
        "plan_no_targets": {
            "zh": "还没有目标：请在下方添加。",
            "en": "No targets yet: add them below.",
        },
        "plans": {"zh": "计划管理", "en": "Plans"},
        "target_kind": {"zh": "目标类型", "en": "Kind"},
        "target_value": {"zh": "目标值", "en": "Target value"},
        "qualifier": {"zh": "限定", "en": "Qualifier"},
        "qualifier_at_least": {"zh": "以上 / 不低于", "en": "or more"},
        "qualifier_at_most": {"zh": "以内 / 以下", "en": "or less"},
        "qualifier_approx": {"zh": "左右 / 同步", "en": "about / in step"},
        "compared_with": {"zh": "比较对象", "en": "Compared with"},
        "compared_with_hint": {
            "zh": "比较类目标填写，如：地区生产总值",
            "en": "for a relation target, e.g. 地区生产总值",
        },
        "plan_wording": {"zh": "计划表述", "en": "The plan's wording"},
        "plan_wording_hint": {
            "zh": "计划原文，如：增长8%以上",
            "en": "as the plan writes it, e.g. 增长8%以上",
        },
        "basis_comparable": {"zh": "同口径", "en": "comparable basis"},
        "task_title": {"zh": "任务", "en": "Task"},
        "task_section": {"zh": "板块", "en": "Section"},
        "description": {"zh": "说明", "en": "Description"},
        "project_name": {"zh": "项目名称", "en": "Project"},
        "edit": {"zh": "编辑", "en": "Edit"},
        "remove": {"zh": "删除", "en": "Remove"},
        "add_target": {"zh": "添加目标", "en": "Add a target"},
        "add_task": {"zh": "添加重点任务", "en": "Add a key task"},
        "add_project": {"zh": "添加重大项目", "en": "Add a major project"},
        "number_decimal_comma": {
            "zh": "小数点请用“.”，不要用逗号。应为",
            "en": "Write the decimal point as “.”, not a comma. Did you mean",
        },
        "number_not_digits": {
            "zh": "请只填写数字（可带小数点和负号），如 6.2",
            "en": "Write a number with digits (a point and a minus sign allowed), e.g. 6.2",
        },
        "field_invalid": {"zh": "此项填写有误，请检查", "en": "This field is not valid"},
        "year_needed": {"zh": "请填写四位数的年度，如 2024", "en": "Write the year, e.g. 2024"},
        "region_needed": {
            "zh": "请填写地区代码，如江夏区为 420115",
            "en": "Write the region's code, e.g. 420115",
        },
        "entry_items": {"zh": "本期填报项目", "en": "Items to report"},
        "entry_search": {"zh": "搜索指标", "en": "Search indicators"},
        "entry_intro_reporter": {
            "zh": "以下是计划中由本部门负责的指标，按计划顺序排列。填写本期累计数，单位已按指标目录给定。",
            "en": "The plan's items your department answers for, in plan order. Enter the "
            "year-to-date figures; units are the catalogue's.",
        },
        "entry_intro_office": {
            "zh": "以下是计划中的全部指标，按责任部门分组、按计划顺序排列。",
            "en": "Every item of the plan, grouped by lead department, in plan order.",
        },
        "entry_no_items": {
            "zh": "本期计划中没有由您负责填报的指标。如有疑问请联系规划科室。",
            "en": "The plan gives you no items to report. Ask the planning office if "
            "that is wrong.",
        },
        "entry_no_plan": {
            "zh": "该地区本年度还没有计划：请先由规划科室新建计划。",
            "en": "The region has no plan for this year: the planning office creates it first.",
        },
        "no_department": {"zh": "未指定责任部门", "en": "No lead department"},
        "entered_figures": {"zh": "本期已填报数据", "en": "Figures entered for the period"},
        "entry_errors": {
            "zh": "部分数据未保存：请按字段旁的提示修改后重新保存。已填写的内容均已保留。",
            "en": "Nothing was saved: correct the fields marked and save again. "
            "Everything typed is kept.",
        },
        "entry_nothing": {
            "zh": "没有填写任何数值：请在指标旁填写后保存。",
            "en": "No figure was typed: fill in a field beside an indicator and save.",
        },
        "reduction_hint": {"zh": "下降填负数", "en": "a fall is negative"},
        "figure_status": {"zh": "状态", "en": "Status"},
        "entered_by": {"zh": "填报人", "en": "Entered by"},
        "nav_review": {"zh": "文件审核", "en": "Review"},
        "nav_submissions": {"zh": "报送进度", "en": "Submissions"},
    }
)

# coded words of the domain, under the keys the templates ask for (measure_yoy_growth …)
_VOCABULARY_KEYS = {
    "measures": "measure_",
    "target_kinds": "kind_",
    "observation_statuses": "figure_",
    "review_statuses": "",
    "assessment_statuses": "",
    "project_stages": "stage_",
    "roles": "role_",
    "project_categories": "category_",
    "project_levels": "plevel_",
    "milestone_kinds": "milestone_",
    "supervision_statuses": "supervision_",
    "region_levels": "level_",
    "submission_statuses": "submission_",
    "submission_steps": "step_",
    "frequencies": "frequency_",
    "ledger_totals": "reported_",
}
for _group, _prefix in _VOCABULARY_KEYS.items():
    for _code, _word in words(_group).items():
        MESSAGES[_prefix + _code] = {"zh": _word.zh, "en": _word.en}

# the year-to-date spans a chart keeps apart: span_6 is 上半年 / Jan–Jun
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
for _months in range(1, 13):
    MESSAGES[f"span_{_months}"] = {
        "zh": span_phrase(_months),
        "en": "Full year"
        if _months == 12
        else "–".join(dict.fromkeys(("Jan", _MONTHS[_months - 1]))),
    }


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
