# Attaché, English. Every sentence the bot says. Arguments named here are filled in by the code; an
# argument shown as code or bold in chat is marked so by the code, not here.

## Languages

language-en = English
language-ru = Russian
language-zh = Chinese

## Dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date = { $day } { $month } { $year }
date-range-same-month = { $day }–{ $day2 } { $month2 } { $year2 }
date-range-same-year = { $day } { $month } – { $day2 } { $month2 } { $year2 }
date-range = { $day } { $month } { $year } – { $day2 } { $month2 } { $year2 }

## Durations

duration-seconds = { $s }s
duration-minutes = { $m }m { $s }s
duration-hours = { $h }h { $m }m
duration-days = { $d }d { $h }h

## Cards

field-event = Event
field-date = Date
field-place = Place
field-theme = Theme
heading-topics = Topics
heading-organizations = Organizations
heading-summary = Summary
heading-links = Links
field-source = Source
heading-quotes = Quotes
relation-organizer = Organizers
relation-host = Hosts
relation-sponsor = Sponsors
relation-supporter = Supporters
relation-partner = Partners
relation-name-organizer = organizer
relation-name-host = host
relation-name-sponsor = sponsor
relation-name-supporter = supporter
relation-name-partner = partner
and-more = and { $count } more
briefings-count = { $count ->
    [one] { $count } briefing
   *[other] { $count } briefings
}
page-link = Full briefing
extracted-note = Extracted from the article text: { $fields }.
extracted-field-title = title
extracted-field-event = event
extracted-field-date = date
extracted-field-end-date = end date
extracted-field-place = place
extracted-field-theme = theme
extracted-field-summary = summary
extracted-field-quotes = quotes
extracted-field-organizations = organizations
extracted-field-topics = topics
extracted-field-links = links
more-commands = More: { $quotes } · { $topics } · { $sponsors }
translation-note = This briefing is in { $language }; there is no { $wanted } version.

## Looking an event up

no-briefing = No briefing { $query }.
no-briefing-did-you-mean = No briefing { $query }. Did you mean { $best }?
try-command = Try { $command }
no-briefings-loaded = No briefings are loaded yet.
type-events-to-list = Type { $events } to list them all.
matches-several = { $query } matches several briefings:
name-one-by-id = Name one by its id, e.g. { $command }

## Event commands

no-summary = This briefing has no summary.
no-topics = No topics are listed for { $event }.
title-with-event = { $what } — { $event }
none-listed-organizations = No organizations are listed for { $event }.
none-listed-organizer = No organizers are listed for { $event }.
none-listed-host = No hosts are listed for { $event }.
none-listed-sponsor = No sponsors are listed for { $event }.
none-listed-supporter = No supporters are listed for { $event }.
none-listed-partner = No partners are listed for { $event }.
it-lists = It lists: { $relations }.
quotes-title = Quotes
quotes-of-event = Quotes — { $event }
quotes-by = Quotes by { $speaker }
quotes-by-in = Quotes by { $speaker } — { $event }
no-quotes-by-in = No quotes by { $speaker } in { $event }.
no-quotes-in = No quotes are listed for { $event }.
no-quotes-by = No quotes by { $speaker } in any briefing.
not-a-target = { $target } is not a target: { $why }.
target-bad-scheme = use discord:<channel id> or matrix:<room id or alias>
target-bad-discord = a Discord channel is a number
target-bad-matrix = a Matrix room is !id or #alias:server
targets-look-like = Targets look like { $discord } or { $matrix }.
digest-intro-here = Digest of { $id }, to be posted here:
digest-intro-to = Digest of { $id }, to be posted to { $target }:

## Lists

events-title = Events
events-title-tag = Events tagged { $tag }
events-title-year = Events in { $year }
events-title-tag-year = Events tagged { $tag } in { $year }
no-events = No events.
no-events-tag = No events tagged { $tag }.
no-events-year = No events in { $year }.
no-events-tag-year = No events tagged { $tag } in { $year }.
tags-in-use = Tags in use: { $tags }.
search-title = Search: { $query }
nothing-found = Nothing found for { $query }.
try-fewer-words = Try fewer or shorter words, or { $events } to browse.
page-line = Page { $page } of { $pages } ({ $total } in all).
page-next = Next: { $command }
page-previous = Previous: { $command }
button-previous = ◀ Previous
button-next = Next ▶

## Help

help-title = Commands
help-options = Options
help-examples = Examples
help-optional = (optional)
help-only = Only { $who } can run this.
help-footer = An event is named by its id, by words of its title, or nearly. Type { $help } for details.
help-no-command = No command { $name }.
help-no-command-did-you-mean = No command { $name }. Did you mean { $best }?
help-type-help = Type { $help } for the list.
access-everyone = everyone
access-moderators = moderators
access-admins = admins

## Status and reload

status-title = { $name } status
status-uptime = Uptime
status-briefings = Briefings
status-load-errors = Load errors
status-platforms = Platforms
status-no-platforms = none
status-stale = Serving the last good version of: { $ids }.
status-config-rejected = A config change was rejected; the previous config keeps running. { $error }
platform-starting = starting
platform-connected = connected
platform-reconnecting = reconnecting: { $why }
platform-stopped = stopped
platform-standby = standby: the leading instance runs it
status-instance = Instance
status-leads = { $instance }, leading
status-leads-epoch = { $instance }, leading (epoch { $epoch })
status-follows = { $instance }, following { $leader }
status-no-leader = { $instance }, no leader yet
reload-title = Reloaded
reload-added = Added
reload-changed = Changed
reload-removed = Removed
reload-errors = Errors
reload-stale = Still serving the last good version of: { $ids }.
reload-config = Config reloaded.
reload-config-rejected = Config rejected, the running config stays: { $error }
reload-nothing = Nothing changed.

## Errors, refusals, usage

denied = { $command } is for { $who } only.
denied-hint = Ask a moderator or an admin of this room or server.
internal-error = Sorry, something went wrong while answering that. It has been logged.
usage-empty = Type a command, or { $help } to see them all.
usage-too-long = That line is too long ({ $len } characters; at most { $max }).
usage-unknown-command = No command { $name }.
usage-unknown-command-did-you-mean = No command { $name }. Did you mean { $best }?
usage-unknown-option = { $command } has no option { $option }.
usage-unknown-option-did-you-mean = { $command } has no option { $option }. Did you mean { $best }?
usage-missing = { $command } needs { $option }.
usage-missing-one-of = { $command } needs { $first } or { $second }.
usage-repeated = { $command } got { $option } twice.
usage-unexpected = { $command } did not expect { $words }.
usage-bad-value = { $value } is not a valid { $option }: expected { $expected }.
expected-number = a number from { $min } to { $max }
expected-one-of = one of { $values }
expected-text = some text
usage-line = Usage: { $usage }
usage-help = Type { $help } for details.
usage-help-list = Type { $help } to see the commands.

## Digests

digest-preview-note = Preview of the digest of { $id }, shown only to you. Post it with { $command }.
digest-not-running = The digest scheduler is not running here, so nothing is posted on a schedule.
digest-off-ledger = Digests are off here: the ledger could not be opened ({ $error }).
digest-off-one-off = It runs with { $command }, not with one-off commands.
digest-configured = Configured digests: { $names }.
digest-ledger-unreadable = Sorry, the digest ledger could not be read. It has been logged.
digest-fix-and-restart = An admin can fix what the log names and restart the bot; until then nothing is posted.
digest-status-title = Digest status
digest-status-empty = No digests are scheduled and nothing has been posted yet. Scheduled digests are [[digests]] sections of the config; announcements of new briefings, [announce].
digest-status-digests = Digests
digest-status-targets = Targets
digest-status-announcing = New briefings are announced to the [announce] targets; corrected ones are edited in place.
digest-status-not-announcing = New briefings are not announced ([announce] is not configured).
digest-line-schedule = { $schedule } ({ $zone }), { $select }
digest-line-last-posted = Last run { $at }: { $detail }
digest-line-last-empty = Last run { $at }: nothing to post
digest-line-no-run = No run yet
digest-line-next = Next { $at }
digest-line-skipped = Skipped { $at }: { $detail }
target-last-post = last post { $at } ({ $briefing })
target-nothing-posted = nothing posted yet
target-next = next { $at } ({ $digest })
target-waiting = { $count } waiting
target-last-failure = last failure { $at }: { $reason }
target-last-failure-detail = last failure { $at }: { $reason } ({ $detail })
target-not-connected = platform not connected
target-not-configured = no longer configured
reason-missing-permission = missing permission
reason-power-level = power level too low
reason-not-joined = room not joined
reason-rate-limited = rate limited
reason-undecryptable = undecryptable room
reason-unknown-target = no such channel or room
reason-unavailable = platform unavailable
reason-briefing-gone = briefing removed
reason-expired = too late
reason-other = failed
posted-here = Posted the digest of { $id } here.
posted-to = Posted the digest of { $id } to { $target }.
not-posted-here = Could not post the digest of { $id } here: { $why }.
not-posted-to = Could not post the digest of { $id } to { $target }: { $why }.
hint-missing-permission = The bot needs View Channel, Send Messages, Embed Links and Read Message History there.
hint-power-level = Raise the bot's power level in that room to what sending messages needs.
hint-not-joined = Invite the bot to that room, then try again.
hint-unknown-target = Check the id: the bot sees no such channel or room.
hint-retrying = It will be tried again for a while; { $status } shows how it goes.
hint-undecryptable = The bot cannot encrypt for that room yet; its devices may need verifying.
other-platform-refused = From { $platform }, a digest can go to another platform only where the config posts digests: { $target } is not one of them.
other-platform-hint = An admin can add it to a [[digests]] or [announce] target list; or post it from there.
announce-new = New briefing
announce-more = More: { $command }
not-in-room = I am not in { $room }.
invite-me-first = Invite me there first, then try again.
not-moderator-in = You are not a moderator in { $room }.
ask-moderator-there = Ask a moderator of that room to post the digest.
channel-not-reachable = I cannot post to { $channel }: { $why }.
channel-other-server = { $channel } is not a channel of this server.
post-in-your-server = Post digests to channels of the server you moderate.

## Questions in plain words

question-ran = Answered with { $command }.
question-unsure = I am not sure what you are asking; here is what a search finds. Try { $help } for the commands.

## Languages of rooms

language-set = This room's answers are now in { $language }.
language-is = This room's answers are in { $language }.
language-unknown = { $value } is not a language I speak: choose one of { $choices }.
language-not-kept = Set for now, but it will not be kept across restarts: { $why }
language-discord = On Discord, each member gets answers in the language of their own Discord client.

## Paging on Discord

only-invoker-pages = Only the person who ran this command can turn its pages. Run it yourself to browse.
list-expired = This list has expired. Run the command again to browse it.

## Commands and options

cmd-help = List the commands, or explain one
cmd-help-help = Without an argument, lists every command you can run. With a command name, shows its usage, options and examples.
cmd-status = Uptime, briefings loaded, load errors and connected platforms
cmd-status-help = Shows how long the bot has run, how many briefings it serves, which briefing files failed to load and which chat platforms are connected.
cmd-events = List briefings, newest first, optionally by tag or year
cmd-events-help = Lists the events the bot has briefings for, newest first, ten to a page. Narrow the list with a tag, a year, or both.
cmd-briefing = The event's card: date, place, theme, summary, a quote, topics and sponsors
cmd-briefing-help = Shows the briefing card of one event. Name the event by its id, by words of its title, or by a near miss.
cmd-summary = A short summary of the event
cmd-summary-help = Shows the event's summary, with its date and place.
cmd-topics = The topics discussed at the event
cmd-topics-help = Lists the topics, sessions or panels of the event.
cmd-sponsors = Sponsors, organizers, hosts, supporters and partners of the event
cmd-sponsors-help = Lists the organizations behind the event, grouped by their part. Name a relation to see only that group.
cmd-quotes = Quotes from the event, or a speaker's quotes across all events
cmd-quotes-help = Lists the direct quotes of an event with speaker and role. Name a speaker to filter; give only a speaker (quotes speaker:Noskov) to see their quotes from every event.
cmd-search = Search titles, summaries, quotes, topics, sponsors and text
cmd-search-help = Finds briefings that mention your words, best match first, with the passage that matched. Words match in their other forms too.
cmd-ask = Ask a question in your own words
cmd-ask-help = Ask about an event in plain words, in English, Russian or Chinese ("who sponsored infoforum?"); the answer says which command it ran.
cmd-language = Set the language of this room's answers (moderators)
cmd-language-help = Sets the language the bot answers in, in this room: en, ru or zh. Without a value, says which it is.
cmd-digest = Post the event's digest here or to a target (moderators)
cmd-digest-help = Posts the event's digest card to this channel or room, or to a named target such as discord:<channel id> or matrix:<room id>.
cmd-digest-preview = Show the event's digest card to you alone, as it would be posted (moderators)
cmd-digest-preview-help = Shows the digest card of an event only to you, exactly as digest would post it, so you can check it before posting. Type digest preview <event> or digest-preview <event>.
cmd-digest-status = Scheduled digests and their targets: last and next post, last failure (moderators)
cmd-digest-status-help = For each scheduled digest: its schedule, last run, next run, and the last run skipped because the bot was down too long. For each target: the last post, the next scheduled post, posts waiting, and the last failure with its reason.
cmd-reload = Reload briefings and config; shows what changed and any errors (admins)
cmd-reload-help = Reads the briefings directory and the config file again. A file with errors keeps serving its last good version; an invalid config is rejected and the running one stays.
opt-command = The command to explain
opt-tag = Only events with this tag
opt-year = Only events in this year
opt-page = Page number
opt-event = The event: its id or words of its title
opt-relation = Only this relation
opt-speaker = Only quotes by this speaker
opt-query = What to look for
opt-question = Your question
opt-language = en, ru or zh
opt-target = Where to post: discord:<channel id> or matrix:<room>

## Slash command and option names on Discord (the canonical names in English)

slash-help = help
slash-status = status
slash-events = events
slash-briefing = briefing
slash-summary = summary
slash-topics = topics
slash-sponsors = sponsors
slash-quotes = quotes
slash-search = search
slash-ask = ask
slash-language = language
slash-digest = digest
slash-digest-preview = digest-preview
slash-digest-status = digest-status
slash-reload = reload
slash-opt-command = command
slash-opt-tag = tag
slash-opt-year = year
slash-opt-page = page
slash-opt-event = event
slash-opt-relation = relation
slash-opt-speaker = speaker
slash-opt-query = query
slash-opt-question = question
slash-opt-language = language
slash-opt-target = target
