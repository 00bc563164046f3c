package schema

import (
	"strings"
	"testing"
	"time"
)

func TestParseDays(t *testing.T) {
	tests := []struct {
		in   string
		want string // days as Mon Tue …, or "-" when unreadable
	}{
		{"Monday–Friday", "Mon Tue Wed Thu Fri"},
		{"Monday-Friday", "Mon Tue Wed Thu Fri"},
		{"Monday — Friday", "Mon Tue Wed Thu Fri"},
		{"Mon–Fri", "Mon Tue Wed Thu Fri"},
		{"mon - fri", "Mon Tue Wed Thu Fri"},
		{"Mon.–Fri.", "Mon Tue Wed Thu Fri"},
		{"Monday to Friday", "Mon Tue Wed Thu Fri"},
		{"Monday through Thursday", "Mon Tue Wed Thu"},
		{"Saturday", "Sat"},
		{"Saturdays", "Sat"},
		{"Monday, Wednesday", "Mon Wed"},
		{"Tuesday and Thursday", "Tue Thu"},
		{"Tues & Thurs", "Tue Thu"},
		{"Mon–Wed, Fri", "Mon Tue Wed Fri"},
		{"Monday, Wednesday, and Friday", "Mon Wed Fri"},
		{"Fri–Mon", "Mon Fri Sat Sun"},
		{"Sunday, Saturday", "Sat Sun"},
		{"Weekdays", "Mon Tue Wed Thu Fri"},
		{"weekends", "Sat Sun"},
		{"Daily", "Mon Tue Wed Thu Fri Sat Sun"},
		{"Every day", "Mon Tue Wed Thu Fri Sat Sun"},
		{"Monday, Monday", "Mon"},
		{"", "-"},
		{"Holidays", "-"},
		{"Monday–Friday (not holidays)", "-"},
		{"Monday-", "-"},
		{"-Friday", "-"},
		{"Monday–Funday", "-"},
		{"First Monday of the month", "-"},
		{",", "-"},
	}
	for _, tt := range tests {
		days, ok := parseDays(tt.in)
		got := "-"
		if ok {
			var names []string
			for _, d := range days {
				names = append(names, d.String()[:3])
			}
			got = strings.Join(names, " ")
		}
		if got != tt.want {
			t.Errorf("parseDays(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseDays(f *testing.F) {
	for _, s := range []string{"Monday–Friday", "Mon-Wed, Fri", "Tuesday and Thursday", "Fri–Mon", "daily", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		days, ok := parseDays(s)
		if ok != (len(days) > 0) {
			t.Fatalf("parseDays(%q) = %v, %v", s, days, ok)
		}
		for i, d := range days {
			if d < time.Sunday || d > time.Saturday || i > 0 && mondayFirst(days[i-1]) >= mondayFirst(d) {
				t.Fatalf("parseDays(%q) = %v: not distinct days from Monday on", s, days)
			}
		}
	})
}
