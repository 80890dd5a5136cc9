"""The dates stage and its time-expression engine (TIMEX3).

``stage``      the stage: a TimeRef for every time expression (``normalize_dates``)
``times``      ``find_times`` over a whole text and ``normalize`` for one expression
``recognize``  candidate expressions from the rules, filtered by context, longest first
``patterns``   the recognition rules (one regular expression per kind)
``words``      month, weekday, number, unit, season and part-of-day names with their values
``normalize``  recognised expression -> type, value and modifier
``days``       rules for calendar dates, days and clock times
``periods``    rules for periods, durations, vague references and sets
``values``     the Normal record, the document context, the policy
``calendar``   calendar arithmetic and TIMEX3 value formatting
``tense``      the tense around an expression, read from the parse
"""
