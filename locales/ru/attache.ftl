# Attaché, по-русски. Всё, что бот говорит. Аргументы подставляет код; какие из них показать кодом или
# жирным, решает код, а не перевод.

## Языки

language-en = английский
language-ru = русский
language-zh = китайский

## Даты

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date = { $day } { $month } { $year } г.
date-range-same-month = { $day }–{ $day2 } { $month2 } { $year2 } г.
date-range-same-year = { $day } { $month } – { $day2 } { $month2 } { $year2 } г.
date-range = { $day } { $month } { $year } г. – { $day2 } { $month2 } { $year2 } г.

## Длительности

duration-seconds = { $s } с
duration-minutes = { $m } мин { $s } с
duration-hours = { $h } ч { $m } мин
duration-days = { $d } д { $h } ч

## Карточки

field-event = Событие
field-date = Дата
field-place = Место
field-theme = Тема
heading-topics = Темы
heading-organizations = Организации
heading-summary = Краткое содержание
heading-links = Ссылки
field-source = Источник
heading-quotes = Цитаты
relation-organizer = Организаторы
relation-host = Принимающая сторона
relation-sponsor = Спонсоры
relation-supporter = При поддержке
relation-partner = Партнёры
relation-name-organizer = организатор
relation-name-host = принимающая сторона
relation-name-sponsor = спонсор
relation-name-supporter = поддержка
relation-name-partner = партнёр
and-more = и ещё { $count }
briefings-count = { $count ->
    [one] { $count } брифинг
    [few] { $count } брифинга
    [many] { $count } брифингов
   *[other] { $count } брифинга
}
page-link = Полный брифинг
extracted-note = Взято из текста статьи: { $fields }.
extracted-field-title = заголовок
extracted-field-event = событие
extracted-field-date = дата
extracted-field-end-date = дата окончания
extracted-field-place = место
extracted-field-theme = тема
extracted-field-summary = краткое содержание
extracted-field-quotes = цитаты
extracted-field-organizations = организации
extracted-field-topics = темы
extracted-field-links = ссылки
more-commands = Ещё: { $quotes } · { $topics } · { $sponsors }
translation-note = Этот брифинг на языке: { $language }; версии на языке «{ $wanted }» нет.

## Поиск события

no-briefing = Брифинга { $query } нет.
no-briefing-did-you-mean = Брифинга { $query } нет. Может быть, { $best }?
try-command = Попробуйте { $command }
no-briefings-loaded = Брифинги ещё не загружены.
type-events-to-list = Наберите { $events }, чтобы увидеть их все.
matches-several = { $query } подходит к нескольким брифингам:
name-one-by-id = Назовите один по его id, например { $command }

## Команды о событии

no-summary = У этого брифинга нет краткого содержания.
no-topics = Для события «{ $event }» темы не указаны.
title-with-event = { $what } — { $event }
none-listed-organizations = Для события «{ $event }» организации не указаны.
none-listed-organizer = Для события «{ $event }» организаторы не указаны.
none-listed-host = Для события «{ $event }» принимающая сторона не указана.
none-listed-sponsor = Для события «{ $event }» спонсоры не указаны.
none-listed-supporter = Для события «{ $event }» поддерживающие организации не указаны.
none-listed-partner = Для события «{ $event }» партнёры не указаны.
it-lists = Указаны: { $relations }.
quotes-title = Цитаты
quotes-of-event = Цитаты — { $event }
quotes-by = Цитаты: { $speaker }
quotes-by-in = Цитаты: { $speaker } — { $event }
no-quotes-by-in = В брифинге «{ $event }» нет цитат спикера { $speaker }.
no-quotes-in = Для события «{ $event }» цитаты не указаны.
no-quotes-by = Ни в одном брифинге нет цитат спикера { $speaker }.
not-a-target = { $target } — не адрес публикации: { $why }.
target-bad-scheme = используйте discord:<id канала> или matrix:<id или псевдоним комнаты>
target-bad-discord = канал Discord — это число
target-bad-matrix = комната Matrix — это !id или #псевдоним:сервер
targets-look-like = Адреса выглядят так: { $discord } или { $matrix }.
digest-intro-here = Дайджест { $id } будет опубликован здесь:
digest-intro-to = Дайджест { $id } будет опубликован в { $target }:

## Списки

events-title = События
events-title-tag = События с тегом { $tag }
events-title-year = События { $year } года
events-title-tag-year = События с тегом { $tag } за { $year } год
no-events = Событий нет.
no-events-tag = Событий с тегом { $tag } нет.
no-events-year = Событий { $year } года нет.
no-events-tag-year = Событий с тегом { $tag } за { $year } год нет.
tags-in-use = Используемые теги: { $tags }.
search-title = Поиск: { $query }
nothing-found = По запросу { $query } ничего не найдено.
try-fewer-words = Попробуйте меньше слов или слова короче, или { $events }, чтобы просмотреть все.
page-line = Страница { $page } из { $pages } (всего { $total }).
page-next = Дальше: { $command }
page-previous = Назад: { $command }
button-previous = ◀ Назад
button-next = Дальше ▶

## Справка

help-title = Команды
help-options = Параметры
help-examples = Примеры
help-optional = (необязательно)
help-only = Эту команду могут выполнять только { $who }.
help-footer = Событие называют по id, по словам его названия или почти точно. Наберите { $help }, чтобы узнать подробности.
help-no-command = Команды { $name } нет.
help-no-command-did-you-mean = Команды { $name } нет. Может быть, { $best }?
help-type-help = Наберите { $help }, чтобы увидеть список.
access-everyone = все
access-moderators = модераторы
access-admins = администраторы

## Состояние и перезагрузка

status-title = Состояние: { $name }
status-uptime = Время работы
status-briefings = Брифинги
status-load-errors = Ошибки загрузки
status-platforms = Платформы
status-no-platforms = нет
status-stale = Работают последние исправные версии: { $ids }.
status-config-rejected = Изменение конфигурации отклонено; работает прежняя. { $error }
platform-starting = запускается
platform-connected = подключено
platform-reconnecting = переподключается: { $why }
platform-stopped = остановлено
platform-standby = в резерве: его ведёт ведущий экземпляр
status-instance = Экземпляр
status-leads = { $instance }, ведущий
status-leads-epoch = { $instance }, ведущий (эпоха { $epoch })
status-follows = { $instance }, ведомый; ведущий — { $leader }
status-no-leader = { $instance }, ведущего пока нет
reload-title = Перезагружено
reload-added = Добавлено
reload-changed = Изменено
reload-removed = Удалено
reload-errors = Ошибки
reload-stale = По-прежнему работают последние исправные версии: { $ids }.
reload-config = Конфигурация перезагружена.
reload-config-rejected = Конфигурация отклонена, работает прежняя: { $error }
reload-nothing = Ничего не изменилось.

## Ошибки, отказы, использование

denied = Команда { $command } доступна только: { $who }.
denied-hint = Обратитесь к модератору или администратору этой комнаты или сервера.
internal-error = Извините, при ответе что-то пошло не так. Это записано в журнал.
usage-empty = Введите команду или { $help }, чтобы увидеть их все.
usage-too-long = Строка слишком длинная ({ $len } { $len ->
    [one] символ
    [few] символа
   *[many] символов
}; не больше { $max }).
usage-unknown-command = Команды { $name } нет.
usage-unknown-command-did-you-mean = Команды { $name } нет. Может быть, { $best }?
usage-unknown-option = У команды { $command } нет параметра { $option }.
usage-unknown-option-did-you-mean = У команды { $command } нет параметра { $option }. Может быть, { $best }?
usage-missing = Команде { $command } нужен параметр { $option }.
usage-missing-one-of = Команде { $command } нужен параметр { $first } или { $second }.
usage-repeated = Параметр { $option } команды { $command } указан дважды.
usage-unexpected = Команда { $command } не ожидала { $words }.
usage-bad-value = { $value } — недопустимое значение { $option }: ожидается { $expected }.
expected-number = число от { $min } до { $max }
expected-one-of = одно из: { $values }
expected-text = текст
usage-line = Использование: { $usage }
usage-help = Наберите { $help }, чтобы узнать подробности.
usage-help-list = Наберите { $help }, чтобы увидеть команды.

## Дайджесты

digest-preview-note = Предпросмотр дайджеста { $id }, виден только вам. Опубликуйте его командой { $command }.
digest-not-running = Планировщик дайджестов здесь не работает, поэтому по расписанию ничего не публикуется.
digest-off-ledger = Дайджесты здесь отключены: журнал публикаций не открылся ({ $error }).
digest-off-one-off = Он работает в режиме { $command }, а не в разовых командах.
digest-configured = Настроенные дайджесты: { $names }.
digest-ledger-unreadable = Извините, журнал дайджестов не читается. Это записано в журнал.
digest-fix-and-restart = Администратор может исправить то, что указано в журнале, и перезапустить бота; до тех пор ничего не публикуется.
digest-status-title = Состояние дайджестов
digest-status-empty = Дайджесты не запланированы, и ничего ещё не опубликовано. Дайджесты по расписанию — это разделы [[digests]] конфигурации; объявления о новых брифингах — [announce].
digest-status-digests = Дайджесты
digest-status-targets = Адреса
digest-status-announcing = О новых брифингах объявляется по адресам [announce]; исправленные правятся на месте.
digest-status-not-announcing = О новых брифингах не объявляется ([announce] не настроен).
digest-line-schedule = { $schedule } ({ $zone }), { $select }
digest-line-last-posted = Последний запуск { $at }: { $detail }
digest-line-last-empty = Последний запуск { $at }: публиковать нечего
digest-line-no-run = Запусков ещё не было
digest-line-next = Следующий { $at }
digest-line-skipped = Пропущен { $at }: { $detail }
target-last-post = последняя публикация { $at } ({ $briefing })
target-nothing-posted = ещё ничего не опубликовано
target-next = следующая { $at } ({ $digest })
target-waiting = ждут: { $count }
target-last-failure = последняя ошибка { $at }: { $reason }
target-last-failure-detail = последняя ошибка { $at }: { $reason } ({ $detail })
target-not-connected = платформа не подключена
target-not-configured = больше не в конфигурации
reason-missing-permission = нет прав
reason-power-level = недостаточный уровень прав в комнате
reason-not-joined = бот не в комнате
reason-rate-limited = ограничение частоты
reason-undecryptable = нельзя зашифровать для комнаты
reason-unknown-target = нет такого канала или комнаты
reason-unavailable = платформа недоступна
reason-briefing-gone = брифинг удалён
reason-expired = слишком поздно
reason-other = не удалось
posted-here = Дайджест { $id } опубликован здесь.
posted-to = Дайджест { $id } опубликован в { $target }.
not-posted-here = Не удалось опубликовать дайджест { $id } здесь: { $why }.
not-posted-to = Не удалось опубликовать дайджест { $id } в { $target }: { $why }.
hint-missing-permission = Боту нужны права «Просмотр канала», «Отправка сообщений», «Встраивание ссылок» и «Чтение истории сообщений».
hint-power-level = Повысьте уровень прав бота в этой комнате до нужного для отправки сообщений.
hint-not-joined = Пригласите бота в эту комнату и попробуйте снова.
hint-unknown-target = Проверьте id: бот не видит такого канала или комнаты.
hint-retrying = Попытки будут повторяться ещё какое-то время; { $status } покажет, как идут дела.
hint-undecryptable = Бот пока не может шифровать для этой комнаты; возможно, нужно подтвердить его устройства.
other-platform-refused = Из { $platform } дайджест можно отправить на другую платформу только туда, куда дайджесты публикуются по конфигурации: { $target } к ним не относится.
other-platform-hint = Администратор может добавить его в список адресов [[digests]] или [announce]; или опубликуйте дайджест оттуда.
announce-new = Новый брифинг
announce-more = Подробнее: { $command }
not-in-room = Меня нет в { $room }.
invite-me-first = Сначала пригласите меня туда, затем попробуйте снова.
not-moderator-in = Вы не модератор в { $room }.
ask-moderator-there = Попросите модератора той комнаты опубликовать дайджест.
channel-not-reachable = Не могу публиковать в { $channel }: { $why }.
channel-other-server = { $channel } — не канал этого сервера.
post-in-your-server = Публикуйте дайджесты в каналы сервера, который вы модерируете.

## Вопросы своими словами

question-ran = Ответ командой { $command }.
question-unsure = Не совсем понял вопрос; вот что находит поиск. Наберите { $help }, чтобы увидеть команды.

## Язык комнаты

language-set = Теперь ответы в этой комнате на языке: { $language }.
language-is = Ответы в этой комнате на языке: { $language }.
language-unknown = { $value } — не язык, на котором я говорю: выберите один из { $choices }.
language-not-kept = Установлено, но не сохранится после перезапуска: { $why }
language-discord = В Discord каждый участник получает ответы на языке своего клиента Discord.

## Страницы в Discord

only-invoker-pages = Листать этот список может только тот, кто выполнил команду. Выполните её сами.
list-expired = Срок этого списка истёк. Выполните команду снова.

## Команды и параметры

cmd-help = Список команд или описание одной из них
cmd-help-help = Без аргумента показывает все команды, доступные вам. С именем команды показывает её использование, параметры и примеры.
cmd-status = Время работы, загруженные брифинги, ошибки загрузки и платформы
cmd-status-help = Показывает, сколько бот работает, сколько брифингов обслуживает, какие файлы не загрузились и какие платформы подключены.
cmd-events = Список брифингов, сначала новые, по тегу или году
cmd-events-help = Показывает события, для которых есть брифинги, сначала новые, по десять на странице. Список можно сузить тегом, годом или обоими.
cmd-briefing = Карточка события: дата, место, тема, суть, цитата, темы и спонсоры
cmd-briefing-help = Показывает карточку одного события. Назовите событие по id, по словам его названия или почти точно.
cmd-summary = Краткое содержание события
cmd-summary-help = Показывает краткое содержание события с датой и местом.
cmd-topics = Темы, обсуждавшиеся на событии
cmd-topics-help = Показывает темы, секции или панели события.
cmd-sponsors = Спонсоры, организаторы, принимающая сторона и партнёры события
cmd-sponsors-help = Показывает организации, стоящие за событием, по их роли. Укажите роль, чтобы увидеть только её.
cmd-quotes = Цитаты с события или цитаты спикера со всех событий
cmd-quotes-help = Показывает прямые цитаты события со спикером и должностью. Укажите спикера для отбора; только спикера (quotes speaker:Носков) — чтобы увидеть его цитаты со всех событий.
cmd-search = Поиск по названиям, содержанию, цитатам, темам, спонсорам и тексту
cmd-search-help = Находит брифинги с вашими словами, лучшие совпадения первыми, с подходящим фрагментом. Слова находятся и в других формах.
cmd-ask = Задать вопрос своими словами
cmd-ask-help = Спросите о событии своими словами, по-русски, по-английски или по-китайски («кто спонсировал Инфофорум?»); ответ скажет, какой командой он получен.
cmd-language = Язык ответов в этой комнате (модераторы)
cmd-language-help = Задаёт язык, на котором бот отвечает в этой комнате: en, ru или zh. Без значения говорит, какой он сейчас.
cmd-digest = Опубликовать дайджест события здесь или по адресу (модераторы)
cmd-digest-help = Публикует карточку-дайджест события в этот канал или комнату либо по адресу вида discord:<id канала> или matrix:<id комнаты>.
cmd-digest-preview = Показать дайджест события только вам, как он будет опубликован (модераторы)
cmd-digest-preview-help = Показывает карточку-дайджест события только вам, в точности как её опубликует digest, чтобы проверить заранее. Наберите digest preview <событие> или digest-preview <событие>.
cmd-digest-status = Дайджесты по расписанию и их адреса: последняя и следующая публикация, ошибки (модераторы)
cmd-digest-status-help = Для каждого дайджеста: расписание, последний и следующий запуск, последний пропущенный запуск. Для каждого адреса: последняя публикация, следующая по расписанию, ожидающие и последняя ошибка с причиной.
cmd-reload = Перезагрузить брифинги и конфигурацию; показать изменения и ошибки (администраторы)
cmd-reload-help = Заново читает каталог брифингов и файл конфигурации. Файл с ошибками продолжает работать в последней исправной версии; неверная конфигурация отклоняется, работает прежняя.
opt-command = Команда, которую объяснить
opt-tag = Только события с этим тегом
opt-year = Только события этого года
opt-page = Номер страницы
opt-event = Событие: его id или слова названия
opt-relation = Только эта роль
opt-speaker = Только цитаты этого спикера
opt-query = Что искать
opt-question = Ваш вопрос
opt-language = en, ru или zh
opt-target = Куда публиковать: discord:<id канала> или matrix:<комната>

## Названия слэш-команд и параметров в Discord

slash-help = помощь
slash-status = статус
slash-events = события
slash-briefing = брифинг
slash-summary = кратко
slash-topics = темы
slash-sponsors = спонсоры
slash-quotes = цитаты
slash-search = поиск
slash-ask = спросить
slash-language = язык
slash-digest = дайджест
slash-digest-preview = дайджест-предпросмотр
slash-digest-status = дайджест-статус
slash-reload = перезагрузить
slash-opt-command = команда
slash-opt-tag = тег
slash-opt-year = год
slash-opt-page = страница
slash-opt-event = событие
slash-opt-relation = роль
slash-opt-speaker = спикер
slash-opt-query = запрос
slash-opt-question = вопрос
slash-opt-language = язык
slash-opt-target = адрес
