"""Question templates in Russian: ``{slots}`` take a quoted clause, heading or printed date."""

PHRASES: dict[str, str] = {
    "event": "Какое событие лекции относится к дате {date}?",
    "date_day": "Когда произошло это событие: {event}?",
    "date_month": "В каком месяце и году произошло это событие: {event}?",
    "date_year": "В каком году произошло это событие: {event}?",
    "date_period": "В какие годы произошло это событие: {event}?",
    "date_other": "Когда произошло это событие: {event}?",
    "describe": "Опишите основные события по теме {heading}.",
    "explain": "Объясните основное содержание темы {heading}.",
    "compare": "Сравните события в темах {first} и {second}.",
    "periods": "Результат обучения: {outcome}. Назовите по порядку основные вопросы, рассмотренные в лекции.",
    "matching": "Установите соответствие между датами и событиями.",
}
