# Attaché，简体中文。机器人说的每一句话。参数由代码填入；哪些参数显示为代码或粗体由代码决定。

## 语言

language-en = 英语
language-ru = 俄语
language-zh = 中文

## 日期

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date = { $year }年{ $monthnum }月{ $day }日
date-range-same-month = { $year }年{ $monthnum }月{ $day }日至{ $day2 }日
date-range-same-year = { $year }年{ $monthnum }月{ $day }日至{ $monthnum2 }月{ $day2 }日
date-range = { $year }年{ $monthnum }月{ $day }日至{ $year2 }年{ $monthnum2 }月{ $day2 }日

## 时长

duration-seconds = { $s }秒
duration-minutes = { $m }分{ $s }秒
duration-hours = { $h }小时{ $m }分
duration-days = { $d }天{ $h }小时

## 卡片

field-event = 活动
field-date = 日期
field-place = 地点
field-theme = 主题
heading-topics = 议题
heading-organizations = 相关机构
heading-summary = 摘要
heading-links = 链接
field-source = 来源
heading-quotes = 引语
relation-organizer = 主办方
relation-host = 东道主
relation-sponsor = 赞助方
relation-supporter = 支持单位
relation-partner = 合作伙伴
relation-name-organizer = 主办
relation-name-host = 东道主
relation-name-sponsor = 赞助
relation-name-supporter = 支持
relation-name-partner = 合作伙伴
and-more = 等另外{ $count }项
briefings-count = { $count }份简报
page-link = 完整简报
extracted-note = 以下内容摘自文章正文：{ $fields }。
extracted-field-title = 标题
extracted-field-event = 活动
extracted-field-date = 日期
extracted-field-end-date = 结束日期
extracted-field-place = 地点
extracted-field-theme = 主题
extracted-field-summary = 摘要
extracted-field-quotes = 引语
extracted-field-organizations = 相关机构
extracted-field-topics = 议题
extracted-field-links = 链接
more-commands = 更多：{ $quotes } · { $topics } · { $sponsors }
translation-note = 这份简报是{ $language }的；没有{ $wanted }版本。

## 查找活动

no-briefing = 没有简报 { $query }。
no-briefing-did-you-mean = 没有简报 { $query }。您是不是要找 { $best }？
try-command = 试试 { $command }
no-briefings-loaded = 尚未加载任何简报。
type-events-to-list = 输入 { $events } 查看全部简报。
matches-several = { $query } 对应多份简报：
name-one-by-id = 请用 id 指定一份，例如 { $command }

## 活动命令

no-summary = 这份简报没有摘要。
no-topics = “{ $event }”没有列出议题。
title-with-event = { $what } — { $event }
none-listed-organizations = “{ $event }”没有列出相关机构。
none-listed-organizer = “{ $event }”没有列出主办方。
none-listed-host = “{ $event }”没有列出东道主。
none-listed-sponsor = “{ $event }”没有列出赞助方。
none-listed-supporter = “{ $event }”没有列出支持单位。
none-listed-partner = “{ $event }”没有列出合作伙伴。
it-lists = 列出的有：{ $relations }。
quotes-title = 引语
quotes-of-event = 引语 — { $event }
quotes-by = { $speaker }的引语
quotes-by-in = { $speaker }的引语 — { $event }
no-quotes-by-in = “{ $event }”中没有{ $speaker }的引语。
no-quotes-in = “{ $event }”没有列出引语。
no-quotes-by = 所有简报中都没有{ $speaker }的引语。
not-a-target = { $target } 不是发布地址：{ $why }。
target-bad-scheme = 请使用 discord:<频道 id> 或 matrix:<房间 id 或别名>
target-bad-discord = Discord 频道是一个数字
target-bad-matrix = Matrix 房间是 !id 或 #别名:服务器
targets-look-like = 地址形如 { $discord } 或 { $matrix }。
digest-intro-here = { $id } 的摘要卡片将发布在这里：
digest-intro-to = { $id } 的摘要卡片将发布到 { $target }：

## 列表

events-title = 活动
events-title-tag = 标签为 { $tag } 的活动
events-title-year = { $year }年的活动
events-title-tag-year = { $year }年标签为 { $tag } 的活动
no-events = 没有活动。
no-events-tag = 没有标签为 { $tag } 的活动。
no-events-year = 没有{ $year }年的活动。
no-events-tag-year = 没有{ $year }年标签为 { $tag } 的活动。
tags-in-use = 已有标签：{ $tags }。
search-title = 搜索：{ $query }
nothing-found = 没有找到与 { $query } 相关的内容。
try-fewer-words = 试试更少或更短的词，或输入 { $events } 浏览。
page-line = 第{ $page }页，共{ $pages }页（共{ $total }项）。
page-next = 下一页：{ $command }
page-previous = 上一页：{ $command }
button-previous = ◀ 上一页
button-next = 下一页 ▶

## 帮助

help-title = 命令
help-options = 参数
help-examples = 示例
help-optional = （可选）
help-only = 只有{ $who }可以使用此命令。
help-footer = 活动可以用 id、标题中的词或相近的写法指定。输入 { $help } 查看详情。
help-no-command = 没有命令 { $name }。
help-no-command-did-you-mean = 没有命令 { $name }。您是不是要找 { $best }？
help-type-help = 输入 { $help } 查看命令列表。
access-everyone = 所有人
access-moderators = 版主
access-admins = 管理员

## 状态与重新加载

status-title = { $name } 状态
status-uptime = 运行时间
status-briefings = 简报
status-load-errors = 加载错误
status-platforms = 平台
status-no-platforms = 无
status-stale = 仍在使用上一个正确版本：{ $ids }。
status-config-rejected = 配置修改被拒绝；继续使用原配置。{ $error }
platform-starting = 启动中
platform-connected = 已连接
platform-reconnecting = 重新连接中：{ $why }
platform-stopped = 已停止
platform-standby = 待命：由主实例运行
status-instance = 实例
status-leads = { $instance }，主实例
status-leads-epoch = { $instance }，主实例（第 { $epoch } 任）
status-follows = { $instance }，从属；主实例为 { $leader }
status-no-leader = { $instance }，暂无主实例
reload-title = 已重新加载
reload-added = 新增
reload-changed = 修改
reload-removed = 删除
reload-errors = 错误
reload-stale = 仍在使用上一个正确版本：{ $ids }。
reload-config = 配置已重新加载。
reload-config-rejected = 配置被拒绝，继续使用原配置：{ $error }
reload-nothing = 没有变化。

## 错误、拒绝与用法

denied = { $command } 仅限{ $who }使用。
denied-hint = 请联系本房间或服务器的版主或管理员。
internal-error = 抱歉，回答时出了问题，已记录在日志中。
usage-empty = 请输入命令，或输入 { $help } 查看全部命令。
usage-too-long = 这一行太长了（{ $len }个字符，最多{ $max }个）。
usage-unknown-command = 没有命令 { $name }。
usage-unknown-command-did-you-mean = 没有命令 { $name }。您是不是要找 { $best }？
usage-unknown-option = { $command } 没有参数 { $option }。
usage-unknown-option-did-you-mean = { $command } 没有参数 { $option }。您是不是要找 { $best }？
usage-missing = { $command } 需要参数 { $option }。
usage-missing-one-of = { $command } 需要参数 { $first } 或 { $second }。
usage-repeated = { $command } 的参数 { $option } 出现了两次。
usage-unexpected = { $command } 不需要 { $words }。
usage-bad-value = { $value } 不是有效的 { $option }：应为{ $expected }。
expected-number = { $min } 到 { $max } 之间的数字
expected-one-of = 以下之一：{ $values }
expected-text = 文字
usage-line = 用法：{ $usage }
usage-help = 输入 { $help } 查看详情。
usage-help-list = 输入 { $help } 查看命令。

## 摘要卡片

digest-preview-note = { $id } 的摘要卡片预览，仅您可见。用 { $command } 发布。
digest-not-running = 摘要调度器未在此运行，因此不会按计划发布任何内容。
digest-off-ledger = 摘要功能已关闭：发布记录无法打开（{ $error }）。
digest-off-one-off = 它随 { $command } 运行，一次性命令不会启动它。
digest-configured = 已配置的摘要：{ $names }。
digest-ledger-unreadable = 抱歉，无法读取摘要发布记录，已记录在日志中。
digest-fix-and-restart = 管理员可按日志提示修复后重启机器人；在此之前不会发布任何内容。
digest-status-title = 摘要状态
digest-status-empty = 尚未安排任何摘要，也还没有发布任何内容。定时摘要是配置中的 [[digests]] 部分；新简报通知是 [announce]。
digest-status-digests = 摘要
digest-status-targets = 发布地址
digest-status-announcing = 新简报会通知到 [announce] 地址；更正后的简报会原地编辑。
digest-status-not-announcing = 不通知新简报（未配置 [announce]）。
digest-line-schedule = { $schedule }（{ $zone }），{ $select }
digest-line-last-posted = 上次运行 { $at }：{ $detail }
digest-line-last-empty = 上次运行 { $at }：没有可发布的内容
digest-line-no-run = 尚未运行
digest-line-next = 下次 { $at }
digest-line-skipped = 已跳过 { $at }：{ $detail }
target-last-post = 上次发布 { $at }（{ $briefing }）
target-nothing-posted = 尚未发布
target-next = 下次 { $at }（{ $digest }）
target-waiting = { $count }条待发
target-last-failure = 上次失败 { $at }：{ $reason }
target-last-failure-detail = 上次失败 { $at }：{ $reason }（{ $detail }）
target-not-connected = 平台未连接
target-not-configured = 已不在配置中
reason-missing-permission = 缺少权限
reason-power-level = 房间权限等级太低
reason-not-joined = 未加入房间
reason-rate-limited = 受到频率限制
reason-undecryptable = 无法为该房间加密
reason-unknown-target = 没有这个频道或房间
reason-unavailable = 平台不可用
reason-briefing-gone = 简报已删除
reason-expired = 为时已晚
reason-other = 失败
posted-here = 已在此发布 { $id } 的摘要卡片。
posted-to = 已将 { $id } 的摘要卡片发布到 { $target }。
not-posted-here = 无法在此发布 { $id } 的摘要卡片：{ $why }。
not-posted-to = 无法将 { $id } 的摘要卡片发布到 { $target }：{ $why }。
hint-missing-permission = 机器人在那里需要“查看频道”“发送消息”“嵌入链接”和“阅读消息历史”权限。
hint-power-level = 请把机器人在该房间的权限等级提高到可以发送消息。
hint-not-joined = 请先邀请机器人进入该房间，然后重试。
hint-unknown-target = 请检查 id：机器人看不到这个频道或房间。
hint-retrying = 接下来会继续重试一段时间；{ $status } 可查看进展。
hint-undecryptable = 机器人暂时无法为该房间加密；可能需要验证它的设备。
other-platform-refused = 从 { $platform } 只能把摘要发到配置中已有的其他平台地址：{ $target } 不在其中。
other-platform-hint = 管理员可以把它加入 [[digests]] 或 [announce] 的地址列表；或从那边发布。
announce-new = 新简报
announce-more = 详情：{ $command }
not-in-room = 我不在 { $room } 中。
invite-me-first = 请先邀请我进入，然后重试。
not-moderator-in = 您不是 { $room } 的版主。
ask-moderator-there = 请该房间的版主发布摘要。
channel-not-reachable = 我无法发布到 { $channel }：{ $why }。
channel-other-server = { $channel } 不是本服务器的频道。
post-in-your-server = 请把摘要发布到您管理的服务器的频道。

## 自然语言提问

question-ran = 已用 { $command } 回答。
question-unsure = 我不太确定您的问题；以下是搜索结果。输入 { $help } 查看命令。

## 房间语言

language-set = 本房间今后用{ $language }回答。
language-is = 本房间用{ $language }回答。
language-unknown = 我不会 { $value }：请从 { $choices } 中选择。
language-not-kept = 已设置，但重启后不会保留：{ $why }
language-discord = 在 Discord 上，每位成员都会收到其 Discord 客户端语言的回答。

## Discord 翻页

only-invoker-pages = 只有运行此命令的人才能翻页。请自己运行该命令来浏览。
list-expired = 此列表已过期。请重新运行命令。

## 命令与参数

cmd-help = 列出命令，或说明某个命令
cmd-help-help = 不带参数时列出您能使用的所有命令；带命令名时显示其用法、参数和示例。
cmd-status = 运行时间、已加载简报、加载错误和已连接平台
cmd-status-help = 显示机器人运行了多久、提供多少份简报、哪些简报文件加载失败以及连接了哪些聊天平台。
cmd-events = 列出简报，最新在前，可按标签或年份筛选
cmd-events-help = 列出有简报的活动，最新在前，每页十个。可用标签、年份或两者缩小范围。
cmd-briefing = 活动卡片：日期、地点、主题、摘要、一句引语、议题和赞助方
cmd-briefing-help = 显示某个活动的简报卡片。可以用 id、标题中的词或相近的写法指定活动。
cmd-summary = 活动摘要
cmd-summary-help = 显示活动摘要及其日期和地点。
cmd-topics = 活动讨论的议题
cmd-topics-help = 列出活动的议题、分论坛或小组讨论。
cmd-sponsors = 活动的赞助方、主办方、东道主、支持单位和合作伙伴
cmd-sponsors-help = 按角色列出活动背后的机构。指定角色可只看该组。
cmd-quotes = 活动引语，或某位发言人在所有活动中的引语
cmd-quotes-help = 列出活动的直接引语及发言人和职务。可按发言人筛选；只给发言人（quotes speaker:诺斯科夫）可查看其在所有活动中的引语。
cmd-search = 搜索标题、摘要、引语、议题、赞助方和正文
cmd-search-help = 查找提到您所搜词语的简报，最佳匹配在前，并显示匹配段落。词语的其他形式也能匹配。
cmd-ask = 用自己的话提问
cmd-ask-help = 用中文、英文或俄文提问（“信息论坛的主办方是谁？”）；回答会说明用了哪条命令。
cmd-language = 设置本房间的回答语言（版主）
cmd-language-help = 设置机器人在本房间回答所用的语言：en、ru 或 zh。不带参数时说明当前语言。
cmd-digest = 在此或向指定地址发布活动摘要卡片（版主）
cmd-digest-help = 把活动的摘要卡片发布到本频道或房间，或发布到 discord:<频道 id>、matrix:<房间 id> 之类的地址。
cmd-digest-preview = 仅向您预览活动摘要卡片，与发布效果相同（版主）
cmd-digest-preview-help = 仅向您显示活动的摘要卡片，与 digest 发布的完全一样，便于发布前检查。输入 digest preview <活动> 或 digest-preview <活动>。
cmd-digest-status = 定时摘要及其地址：上次与下次发布、上次失败（版主）
cmd-digest-status-help = 每个定时摘要：计划、上次运行、下次运行，以及因机器人停机过久而跳过的运行。每个地址：上次发布、下次计划发布、待发数量和上次失败原因。
cmd-reload = 重新加载简报和配置；显示变化和错误（管理员）
cmd-reload-help = 重新读取简报目录和配置文件。有错误的文件继续使用上一个正确版本；无效配置会被拒绝，继续使用原配置。
opt-command = 要说明的命令
opt-tag = 只看带此标签的活动
opt-year = 只看该年份的活动
opt-page = 页码
opt-event = 活动：其 id 或标题中的词
opt-relation = 只看这个角色
opt-speaker = 只看这位发言人的引语
opt-query = 要找的内容
opt-question = 您的问题
opt-language = en、ru 或 zh
opt-target = 发布到哪里：discord:<频道 id> 或 matrix:<房间>

## Discord 斜杠命令与参数名称

slash-help = 帮助
slash-status = 状态
slash-events = 活动
slash-briefing = 简报
slash-summary = 概要
slash-topics = 议题
slash-sponsors = 赞助方
slash-quotes = 引语
slash-search = 搜索
slash-ask = 提问
slash-language = 语言
slash-digest = 摘要卡片
slash-digest-preview = 摘要卡片预览
slash-digest-status = 摘要卡片状态
slash-reload = 重新加载
slash-opt-command = 命令
slash-opt-tag = 标签
slash-opt-year = 年份
slash-opt-page = 页码
slash-opt-event = 活动
slash-opt-relation = 角色
slash-opt-speaker = 发言人
slash-opt-query = 搜索词
slash-opt-question = 问题
slash-opt-language = 语言
slash-opt-target = 发布地址
