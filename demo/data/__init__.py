"""The words of the demo: organisations, people, companies, the goal catalogue and notes.

Everything is fictitious: names, addresses, phone numbers; e-mail domains end in `.example`,
which can never receive mail. Dates are days relative to today, so the demo always looks
current. `workspace.demo` turns these lists into rows.
"""
