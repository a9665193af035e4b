//! iCalendar (RFC 5545) export of mentoring sessions: the format layer only.
//!
//! Callers build [`CalendarEvent`]s from their own records and get the bytes of one `.ics` file.
