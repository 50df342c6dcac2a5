"""Support for the structural rules (SCH): Chinese texts for pydantic's error types.

SCH002 findings carry pydantic's error type in ``params.type`` and its English message in
the detail; for Chinese reports the detail leads with the Chinese text below, so that a
reader sees what is wrong in their language and the original message stays available.
"""

from __future__ import annotations

__all__ = ["DETAIL_ZH"]

#: pydantic error type -> its meaning in Chinese, for the types users meet most.
DETAIL_ZH: dict[str, str] = {
    "missing": "缺少必填字段",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "string_type": "应为字符串",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为布尔值",
    "bool_parsing": "应为布尔值",
    "date_from_datetime_parsing": "应为 YYYY-MM-DD 格式的日期",
    "date_from_datetime_inexact": "应为日期，不含时间",
    "date_parsing": "应为 YYYY-MM-DD 格式的日期",
    "date_type": "应为日期",
    "datetime_parsing": "应为 ISO 格式的日期时间",
    "datetime_from_date_parsing": "应为 ISO 格式的日期时间",
    "datetime_type": "应为日期时间",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "decimal_max_places": "小数位数过多（金额最多两位小数）",
    "decimal_max_digits": "数值位数过多",
    "finite_number": "应为有限数值",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "string_too_short": "字符串过短",
    "string_too_long": "字符串过长",
    "string_pattern_mismatch": "格式不正确",
    "list_type": "应为数组",
    "too_short": "元素过少",
    "too_long": "元素过多",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dict_type": "应为对象",
    "identity_missing": "须填写 uscc 或 operator_id_number",
    "kind_missing": "缺少记录类型 kind",
    "kind_unknown": "未知的记录类型",
}
