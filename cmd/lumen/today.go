package main

import (
	"errors"
	"flag"
	"time"
)

// today is the value of a --today flag: the day a command acts as of,
// written YYYY-MM-DD, and the current day when the flag is not given.
type today struct{ t time.Time }

// todayFlag defines a --today flag on fl, described by usage.
func todayFlag(fl *flag.FlagSet, usage string) *today {
	d := new(today)
	fl.Var(d, "today", usage)
	return d
}

// Day returns the day given, or the current time if none was.
func (d *today) Day() time.Time {
	if d.t.IsZero() {
		return time.Now()
	}
	return d.t
}

// Set parses a date such as 2026-03-14.
func (d *today) Set(s string) error {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return errors.New("not a date such as 2026-03-14")
	}
	d.t = t
	return nil
}

// String returns the day as YYYY-MM-DD.
func (d *today) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}
