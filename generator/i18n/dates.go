package i18n

import (
	"strconv"
	"time"
)

// Date writes the day of t the way the language writes dates, by its
// date_format and months: "March 1, 2026" in English, "1 de marzo de 2026"
// in Spanish. A zero time is "".
func (s *Strings) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	month := t.Month().String()
	if m, ok := s.msgs["months"]; ok && m.shape == shapeList && len(m.list) == 12 {
		month = m.list[t.Month()-1]
	}
	layout := s.text("date_format")
	if layout == nil {
		layout = parse("{month} {day}, {year}")
	}
	out, _ := write(layout, map[string]string{"day": strconv.Itoa(t.Day()), "month": month, "year": strconv.Itoa(t.Year())})
	return out
}

// Clock writes a 24-hour time such as "16:30" the way the language
// writes times of day, by its clock_am, clock_pm, clock_noon and
// clock_midnight: "4:30 p.m." and "8 a.m." in English (the minutes are
// left out on the hour), "noon", "midnight". Text that is not such a
// time is returned as it is.
func (s *Strings) Clock(hhmm string) string {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return hhmm
	}
	h, m := t.Hour(), t.Minute()
	key := "clock_am"
	switch {
	case h == 12 && m == 0:
		key = "clock_noon"
	case h == 0 && m == 0:
		key = "clock_midnight"
	case h >= 12:
		key = "clock_pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	at := strconv.Itoa(h12)
	if m != 0 {
		at += ":" + t.Format("04")
	}
	parts := s.text(key)
	if parts == nil {
		return hhmm
	}
	out, missing := write(parts, map[string]string{"time": at})
	if missing != "" {
		return hhmm
	}
	return out
}
