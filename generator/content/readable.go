package content

import "strconv"

// Field is front-matter text that the theme shows patients as prose, with
// the key path it was written at, so that the readability checks score it
// and point at its line.
type Field struct {
	// Key is the key path, such as "summary" or "symptoms.2".
	Key string
	// Text is the text as written.
	Text string
	// Item marks a list item and Heading a heading: each counts as a
	// sentence of its own.
	Item, Heading bool
}

// Readable returns the summary, the prose of every kind.
func (c *Common) Readable() []Field { return text(nil, "summary", c.Summary) }

// readable returns the key points of a medical page.
func (m *Medical) readable(out []Field) []Field { return list(out, "key_points", m.KeyPoints) }

// Readable returns what patients read of an article: its summary and key
// points.
func (a *Article) Readable() []Field { return a.Medical.readable(a.Common.Readable()) }

// Readable returns what patients read of a condition page, in the order
// the theme shows it.
func (c *Condition) Readable() []Field {
	out := c.Medical.readable(c.Common.Readable())
	out = list(out, "symptoms", c.Symptoms)
	out = list(out, "red_flags", c.RedFlags)
	out = list(out, "urgent", c.Urgent)
	out = list(out, "routine", c.Routine)
	out = list(out, "self_care.do", c.SelfCare.Do)
	out = list(out, "self_care.dont", c.SelfCare.Dont)
	out = list(out, "causes", c.Causes)
	out = list(out, "risk_factors", c.RiskFactors)
	out = list(out, "complications", c.Complications)
	out = list(out, "diagnosis", c.Diagnosis)
	out = list(out, "treatments", c.Treatments)
	return list(out, "prevention", c.Prevention)
}

// Readable returns what patients read of a procedure page, in the order
// the theme shows it: who should not have it, how well it works, before,
// during and after, the recovery timeline, when to get help, the risks and
// the alternatives after the summary and key points.
func (p *Procedure) Readable() []Field {
	out := p.Medical.readable(p.Common.Readable())
	out = list(out, "not_for", p.NotFor)
	for i, o := range p.Outcomes {
		if o.Text != "" {
			out = append(out, Field{Key: "outcomes." + strconv.Itoa(i) + ".text", Text: o.Text, Item: true})
		}
	}
	out = list(out, "before", p.Before)
	out = list(out, "during", p.During)
	out = list(out, "after", p.After)
	for i, r := range p.Recovery {
		out = append(out, Field{Key: "recovery." + strconv.Itoa(i), Text: r.What, Item: true})
	}
	out = list(out, "aftercare_warnings", p.AftercareWarnings)
	out = list(out, "risks", p.Risks)
	return list(out, "alternatives", p.Alternatives)
}

// Readable returns what patients read of an FAQ page's front matter: its
// questions, as headings; the answers are Markdown and scored with the
// body.
func (f *FAQ) Readable() []Field {
	out := f.Medical.readable(f.Common.Readable())
	for i, q := range f.Questions {
		out = append(out, Field{Key: "questions." + strconv.Itoa(i) + ".question", Text: q.Question, Heading: true})
	}
	return out
}

func text(out []Field, key, s string) []Field {
	if s == "" {
		return out
	}
	return append(out, Field{Key: key, Text: s})
}

func list(out []Field, key string, items []string) []Field {
	for i, s := range items {
		if s != "" {
			out = append(out, Field{Key: key + "." + strconv.Itoa(i), Text: s, Item: true})
		}
	}
	return out
}
