package content

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar date from front matter, written as YYYY-MM-DD or as a
// full RFC 3339 timestamp. The zero Date means "not given".
type Date struct {
	time.Time
}

// dateLayouts are the forms a front-matter date may take, most common first.
var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// ParseDate parses s in one of the accepted forms. Its error says what is
// wrong in words, such as "month 13 is out of range".
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var firstErr error
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return Date{t}, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	var y, m, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 {
		switch {
		case m < 1 || m > 12:
			return Date{}, fmt.Errorf("%q is not a date: month %d is out of range; write YYYY-MM-DD", s, m)
		case d < 1 || d > 31 || d > daysIn(y, m):
			return Date{}, fmt.Errorf("%q is not a date: %s %d has no day %d; write YYYY-MM-DD", s, time.Month(m), y, d)
		}
	}
	return Date{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD, such as 2026-03-14", s)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// UnmarshalYAML decodes a date from a YAML scalar.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("should be a date such as 2026-03-14, not a list or group of keys")
	}
	p, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// AddMonths returns d moved by n calendar months, clamped to the last day
// of the month (2026-01-31 plus one month is 2026-02-28).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, d.Location())
	if last := daysIn(first.Year(), int(first.Month())); day > last {
		day = last
	}
	return Date{time.Date(first.Year(), first.Month(), day, d.Hour(), d.Minute(), d.Second(), 0, d.Location())}
}
