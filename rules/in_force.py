"""When the texts the rules apply took effect (SPEC §7: a requirement applies from the day it took
effect, judged at --as-of). The dates are those of the texts in ``citations.yaml``; rules declare which
text put their requirement in force with ``in_force=``."""
from __future__ import annotations

from auditor.core.results import InForce

from rules.citations import TEXTS


def took_effect(key: str) -> InForce:
    """The day the text ``key`` of citations.yaml took effect, named as its effective date is."""
    text = TEXTS[key]
    return InForce(text.in_force, text.full_name)


REGULATION_2019 = took_effect("ogi-2019")        # the revised 条例: 第二十条 categories, 第二十四条 platform, 第三十三条
PLATFORM_NOTICE_61 = took_effect("notice-61")    # the column name 政府信息公开 and its four sections
INTERPRETATION_80 = took_effect("rules-80")       # 谁起草谁解读, 三同步 (国办发〔2016〕80号)
WEB_GUIDE_47 = took_effect("web-guide-47")        # 政府网站发展指引: 网站标识码, 元数据, .gov.cn
INDICATORS_19 = took_effect("indicators-19")      # the 2019 indicators where the 2015 普查 had no such item
ANNUAL_FORMAT_30 = took_effect("format-30")       # the 2021 annual-report format
PENALTY_LAW_2021 = took_effect("penalty-law")     # 行政处罚法 (2021): decisions published, their contents
ELDER_MODE_2021 = took_effect("elder-plan-200")   # 适老化 改造 from 2021
WEBSITE_REPORT_12 = took_effect("website-report-12")   # 政府网站工作年度报表 on the homepage by 1月31日
COMPLAINTS_20 = took_effect("complaints-20")      # 市场监督管理投诉举报处理暂行办法 (12315)
