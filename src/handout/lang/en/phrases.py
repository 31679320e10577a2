"""Question templates in English: ``{slots}`` take a quoted clause, heading or printed date."""

PHRASES: dict[str, str] = {
    "event": "Which event in the lecture is dated {date}?",
    "date_day": "When did this happen: {event}?",
    "date_month": "In which month and year did this happen: {event}?",
    "date_year": "In which year did this happen: {event}?",
    "date_period": "In which years did this happen: {event}?",
    "date_other": "When did this happen: {event}?",
    "describe": "Describe the main events of the topic {heading}.",
    "explain": "Explain the main content of the topic {heading}.",
    "compare": "Compare the events of the topics {first} and {second}.",
    "periods": "Learning outcome: {outcome}. Name, in order, the main topics covered in the lecture.",
    "matching": "Match each date with its event.",
}
