"""The matrix_load bench's maubot peer: answers `!<command> <anything>` with a fixed m.notice reply.

The reply is the text Attaché gave to the same command in the same run (the bench passes it in the
standalone config's `plugin_config`), so both bots send events of the same size. The plugin renders
nothing per answer: maubot's figures are the framework's own cost.
"""
from mautrix.types import Format, MessageType, TextMessageEventContent
from mautrix.util.config import BaseProxyConfig, ConfigUpdateHelper
from maubot import MessageEvent, Plugin
from maubot.handlers import command


class Config(BaseProxyConfig):
    def do_update(self, helper: ConfigUpdateHelper) -> None:
        for key in ("command", "body", "html"):
            helper.copy(key)


class BenchSummary(Plugin):
    @classmethod
    def get_config_class(cls) -> type[BaseProxyConfig]:
        return Config

    async def start(self) -> None:
        self.config.load_and_update()
        self.log.info("bench plugin ready")

    @command.new(name=lambda self: self.config.get("command", "summary"))
    @command.argument("topic", pass_raw=True, required=False)
    async def summary(self, evt: MessageEvent, topic: str) -> None:
        content = TextMessageEventContent(msgtype=MessageType.NOTICE, body=self.config["body"])
        if self.config.get("html", None):
            content.format = Format.HTML
            content.formatted_body = self.config["html"]
        await evt.respond(content, reply=True, extra_content={"m.mentions": {}})
