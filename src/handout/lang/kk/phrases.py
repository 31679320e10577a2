"""Question templates in Kazakh: ``{slots}`` take a quoted clause, heading or printed date."""

PHRASES: dict[str, str] = {
    "event": "{date} не болды?",
    "date_day": "Мына оқиға қашан болды: {event}?",
    "date_month": "Мына оқиға қай жылы, қай айда болды: {event}?",
    "date_year": "Мына оқиға қай жылы болды: {event}?",
    "date_period": "Мына оқиға қай жылдары болды: {event}?",
    "date_other": "Мына оқиға қашан болды: {event}?",
    "describe": "{heading} тақырыбы бойынша негізгі оқиғаларды сипаттаңыз.",
    "explain": "{heading} тақырыбының негізгі мазмұнын түсіндіріңіз.",
    "compare": "{first} және {second} тақырыптарындағы оқиғаларды салыстырыңыз.",
    "periods": "Оқыту нәтижесі: {outcome}. Лекцияда қарастырылған негізгі мәселелерді ретімен атаңыз.",
    "matching": "Күндер мен оқиғаларды сәйкестендіріңіз.",
}
