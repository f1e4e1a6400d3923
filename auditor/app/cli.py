"""The command line (SPEC §3): ``main(argv) -> exit code``.

Each command lives in its own module, imported only when run. Errors map to exit codes:
configuration 2, crawl 3, internal 4 — one line on stderr (``--debug`` shows the traceback).
"""
from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from auditor.core import __version__
from auditor.core.errors import ConfigError, GkauditError
from auditor.core.textsafe import terminal_safe

# command -> (module, one-line help)
COMMANDS = {
    "audit": ("auditor.app.commands.audit_cmd", "抓取并检查一个网站，写出报告"),
    "recheck": ("auditor.app.commands.recheck_cmd", "用已保存的抓取结果重新检查（不联网）"),
    "batch": ("auditor.app.commands.batch_cmd", "批量检查清单中的网站并排名"),
    "worker": ("auditor.app.commands.worker_cmd", "作为分布式批量检查的抓取节点加入（scrapy-redis）"),
    "diff": ("auditor.app.commands.diff_cmd", "对比两次检查：已整改、仍存在、新发现"),
    "inspect": ("auditor.app.commands.inspect_cmd", "查看抽取器从单个页面读到的内容"),
    "browser-diff": ("auditor.app.commands.browser_diff_cmd", "对比浏览器渲染后页面上的链接与抓取能到达的链接"),
    "rules": ("auditor.app.commands.rules_cmd", "列出全部检查规则"),
    "explain": ("auditor.app.commands.explain_cmd", "显示一条规则的说明、依据和整改方法"),
    "demo": ("auditor.app.commands.demo_cmd", "在本机启动示例网站并检查它"),
    "probe": ("auditor.app.commands.probe_cmd", "探测网站能否访问（一轮），写入历史库"),
    "history": ("auditor.app.commands.history_cmd", "查看网站的历次检查和可用性探测记录"),
    "dashboard": ("auditor.app.commands.dashboard_cmd", "生成监测看板（静态网页，可放在共享目录中打开）"),
    "notice": ("auditor.app.commands.notice_cmd", "生成发给被检查单位的整改通知（DOCX、PDF）"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors are exit code 2 with one line, as argparse does
        raise ConfigError(f"参数错误（{self.prog}）：{_translate(message)}")


_ARGPARSE_WORDS = (("the following arguments are required", "缺少必需的参数"),
                   ("unrecognized arguments", "无法识别的参数"), ("invalid choice", "无效的选项"),
                   ("expected one argument", "需要一个值"), ("argument ", "参数 "),
                   ("invalid float value", "不是数字"), ("invalid int value", "不是整数"))


def _translate(message: str) -> str:
    for english, chinese in _ARGPARSE_WORDS:
        message = message.replace(english, chinese)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gkaudit", description="政府网站政府信息公开检查工具")
    parser.add_argument("--version", action="version", version=f"gkaudit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--debug", action="store_true", help="出错时显示完整的错误堆栈")
        importlib.import_module(module).add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return 2
        module = importlib.import_module(COMMANDS[args.command][0])
        return int(module.run(args) or 0)
    except GkauditError as exc:
        print(terminal_safe(f"gkaudit: {exc}"), file=sys.stderr)
        if debug:
            traceback.print_exc()
        return exc.exit_code
    except KeyboardInterrupt:
        print("gkaudit: 已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, exit 4
        print(terminal_safe(f"gkaudit: 内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）"), file=sys.stderr)
        if debug:
            traceback.print_exc()
        return 4


def main_entry() -> None:
    sys.exit(main())
