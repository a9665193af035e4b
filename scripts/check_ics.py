#!/usr/bin/env python3
"""Checks calendar files exported by Tandem with an independent parser (PyPI `icalendar`).

    python3 scripts/check_ics.py FILE.ics [FILE.ics ...]

For every file: it parses; every physical line ends in CRLF and is at most 75 octets; each VEVENT has
a UID, a SEQUENCE, a STATUS, an ORGANIZER and at least one ATTENDEE (mailto: addresses), and a
DTSTART (and DTEND) either in UTC or with a TZID that has a VTIMEZONE in the file. Each VTIMEZONE's
transitions are compared with Python's own time zone database (zoneinfo): at every onset the offset
must change from TZOFFSETFROM to TZOFFSETTO.

Exits 0 when every file passes, 1 with one line per problem otherwise, 2 when the `icalendar`
package is missing (install it with `bash scripts/setup.sh`). The calendar tests of tandem-core run
this script on sample exports.
"""

import sys
from datetime import datetime, timedelta, timezone

try:
    import icalendar
except ImportError:
    print(
        "check_ics.py needs the Python package 'icalendar': run `bash scripts/setup.sh`",
        file=sys.stderr,
    )
    sys.exit(2)

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
except ImportError:  # Python < 3.9: skip the comparison with the time zone database
    ZoneInfo = None

MAX_OCTETS = 75
STATUSES = {"CONFIRMED", "CANCELLED", "TENTATIVE"}


def parse_offset(text):
    """'+0130' or '-043000' as a timedelta."""
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    hours, minutes = int(digits[0:2]), int(digits[2:4])
    seconds = int(digits[4:6]) if len(digits) >= 6 else 0
    return sign * timedelta(hours=hours, minutes=minutes, seconds=seconds)


def check_lines(raw, problems):
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(lines[:-1], start=1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number} has a bare CR or LF (lines must end in CRLF)")
        if len(line) > MAX_OCTETS:
            problems.append(f"line {number} is {len(line)} octets long (at most {MAX_OCTETS})")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} is not valid UTF-8 (a character split by folding?)")


def check_time(event, name, tzids, label, problems, required):
    prop = event.get(name)
    if prop is None:
        if required:
            problems.append(f"{label} has no {name}")
        return
    tzid = prop.params.get("TZID")
    if tzid is not None:
        if tzid not in tzids:
            problems.append(f"{label}: {name} has TZID={tzid} but the file has no VTIMEZONE for it")
        return
    value = prop.dt
    if not isinstance(value, datetime):
        problems.append(f"{label}: {name} is a date, not a date-time")
    elif value.tzinfo is None or value.utcoffset() != timedelta(0):
        problems.append(f"{label}: {name} is a floating time (neither UTC nor with a TZID)")


def check_address(prop, what, label, problems):
    address = str(prop)
    if not address.lower().startswith("mailto:") or "@" not in address:
        problems.append(f"{label}: {what} '{address}' is not a mailto: address")


def check_vtimezone(vtimezone, problems):
    tzid = str(vtimezone.get("TZID", ""))
    label = f"VTIMEZONE {tzid or '(no TZID)'}"
    if not tzid:
        problems.append(f"{label} has no TZID")
    observances = [c for c in vtimezone.subcomponents if c.name in ("STANDARD", "DAYLIGHT")]
    if not observances:
        problems.append(f"{label} has no STANDARD or DAYLIGHT component")
    zone = None
    if ZoneInfo is not None and tzid:
        try:
            zone = ZoneInfo(tzid)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
    for observance in observances:
        where = f"{label} {observance.name}"
        missing = [p for p in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO") if p not in observance]
        if missing:
            problems.append(f"{where} lacks {', '.join(missing)}")
            continue
        start = observance.decoded("DTSTART")
        offset_from = observance.decoded("TZOFFSETFROM")
        offset_to = observance.decoded("TZOFFSETTO")
        if zone is None:
            continue
        onset = (start.replace(tzinfo=None) - offset_from).replace(tzinfo=timezone.utc)
        after = onset.astimezone(zone).utcoffset()
        if after != offset_to:
            problems.append(
                f"{where} starting {start:%Y-%m-%d %H:%M:%S}: TZOFFSETTO is {offset_to}, "
                f"but Python's time zone database says {after} (the databases may differ in version)"
            )
        if offset_from != offset_to:
            before = (onset - timedelta(seconds=1)).astimezone(zone).utcoffset()
            if before != offset_from:
                problems.append(
                    f"{where} starting {start:%Y-%m-%d %H:%M:%S}: TZOFFSETFROM is {offset_from}, "
                    f"but Python's time zone database says {before}"
                )
    return tzid


def check_file(path):
    problems = []
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return [f"cannot read the file: {error}"]
    check_lines(raw, problems)
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # the parser raises ValueError and friends on malformed input
        return problems + [f"does not parse as iCalendar: {error}"]
    if calendar.name != "VCALENDAR":
        problems.append(f"the top component is {calendar.name}, not VCALENDAR")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.get("PRODID"):
        problems.append("there is no PRODID")
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            problems.append(f"{component.name}: the parser reported {error}")

    tzids = {check_vtimezone(v, problems) for v in calendar.walk("VTIMEZONE")}
    events = calendar.walk("VEVENT")
    if not events:
        problems.append("there is no VEVENT")
    for number, event in enumerate(events, start=1):
        uid = str(event.get("UID", "")).strip()
        label = f"VEVENT {number}" + (f" ({uid})" if uid else "")
        if not uid:
            problems.append(f"{label} has no UID")
        check_time(event, "DTSTART", tzids, label, problems, required=True)
        check_time(event, "DTEND", tzids, label, problems, required=False)
        sequence = event.get("SEQUENCE")
        if sequence is None:
            problems.append(f"{label} has no SEQUENCE")
        elif int(sequence) < 0:
            problems.append(f"{label} has a negative SEQUENCE")
        status = str(event.get("STATUS", ""))
        if status not in STATUSES:
            problems.append(f"{label} has STATUS '{status}' (expected one of {sorted(STATUSES)})")
        organizer = event.get("ORGANIZER")
        if organizer is None:
            problems.append(f"{label} has no ORGANIZER")
        else:
            check_address(organizer, "ORGANIZER", label, problems)
        attendees = event.get("ATTENDEE")
        if attendees is None:
            problems.append(f"{label} has no ATTENDEE")
        else:
            for attendee in attendees if isinstance(attendees, list) else [attendees]:
                check_address(attendee, "ATTENDEE", label, problems)
    return problems


def main(paths):
    if not paths:
        print("usage: python3 scripts/check_ics.py FILE.ics [FILE.ics ...]", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        problems = check_file(path)
        if problems:
            failed += 1
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
        else:
            print(f"{path}: ok")
    if failed:
        print(f"{failed} of {len(paths)} calendar file(s) failed the check", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
