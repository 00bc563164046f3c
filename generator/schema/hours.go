package schema

import (
	"sort"
	"strings"
	"time"
)

// dayNames maps the names and abbreviations of the days of the week, in
// lower case and without dots, to the day.
var dayNames = map[string]time.Weekday{
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "weds": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
	"sunday": time.Sunday, "sun": time.Sunday,
}

// dayGroups are words that name several days.
var dayGroups = map[string][]time.Weekday{
	"weekdays":  {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
	"weekends":  {time.Saturday, time.Sunday},
	"daily":     {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday},
	"every day": {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday},
}

// rangeWords are the words that join the first and last day of a range,
// as in "Monday to Friday".
var rangeWords = []string{" to ", " through ", " thru ", " until ", " till "}

// parseDays reads the days of an opening-hours row as people write them:
// "Monday–Friday", "Mon-Fri", "Monday to Friday", "Saturday", "Monday,
// Wednesday", "Tuesday and Thursday", "Mon–Wed, Fri", "Mondays",
// "weekdays", "weekends", "daily". A range may wrap past Sunday ("Fri–Mon").
// It returns the days from Monday to Sunday, each once, and false when any
// part of s is not a day, a range of days or a group of days, so that a
// row is never marked up with days the page does not state.
func parseDays(s string) ([]time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, ".", "")
	for _, dash := range []string{"–", "—", "‐", "‑", "−"} {
		s = strings.ReplaceAll(s, dash, "-")
	}
	s = " " + s + " "
	for _, w := range rangeWords {
		s = strings.ReplaceAll(s, w, "-")
	}
	s = strings.ReplaceAll(s, " and ", ",")
	items := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '&' || r == '/' || r == '+' })
	seen := map[time.Weekday]bool{}
	for _, item := range items {
		item = strings.Join(strings.Fields(item), " ")
		item = strings.TrimPrefix(item, "and ")
		if item == "" {
			continue
		}
		if g, ok := dayGroups[item]; ok || (strings.HasSuffix(item, "s") && dayGroups[item+"s"] != nil) {
			if !ok {
				g = dayGroups[item+"s"]
			}
			for _, d := range g {
				seen[d] = true
			}
			continue
		}
		first, last, isRange := strings.Cut(item, "-")
		a, ok := day(first)
		if !ok {
			return nil, false
		}
		if !isRange {
			seen[a] = true
			continue
		}
		z, ok := day(last)
		if !ok {
			return nil, false
		}
		for d := a; ; d = (d + 1) % 7 {
			seen[d] = true
			if d == z {
				break
			}
		}
	}
	if len(seen) == 0 {
		return nil, false
	}
	days := make([]time.Weekday, 0, len(seen))
	for d := range seen {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return mondayFirst(days[i]) < mondayFirst(days[j]) })
	return days, true
}

// day returns the day named by w, a name or abbreviation, singular or
// plural ("Mondays").
func day(w string) (time.Weekday, bool) {
	w = strings.TrimSpace(w)
	if d, ok := dayNames[w]; ok {
		return d, true
	}
	if strings.HasSuffix(w, "s") {
		d, ok := dayNames[strings.TrimSuffix(w, "s")]
		return d, ok
	}
	return 0, false
}

// mondayFirst returns the place of d in a week that starts on Monday.
func mondayFirst(d time.Weekday) int { return (int(d) + 6) % 7 }
