"""When the texts the rules apply took effect (SPEC §7: a requirement applies from the day it took
effect, judged at --as-of). Each date is the one its source names; rules declare them with ``in_force=``."""
from __future__ import annotations

import datetime as dt

from auditor.core.results import InForce

# 国务院令第711号: the revised 条例, 2019-05-15 (its 第二十条 categories, 第二十四条 platform, 第三十三条 periods)
REGULATION_2019 = InForce(dt.date(2019, 5, 15), "《政府信息公开条例》（国务院令第711号）")
# 国办公开办函〔2019〕61号, dated 2019-12-20: the column name 政府信息公开 and its four sections
PLATFORM_NOTICE_61 = InForce(dt.date(2019, 12, 20), "国办公开办函〔2019〕61号《关于规范政府信息公开平台有关事项的通知》")
