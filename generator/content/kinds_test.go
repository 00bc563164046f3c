package content

import "testing"

// TestTableOfKinds holds the table of kinds to what the rest of Lumen
// relies on: a folder per content kind, a front-matter type whose medical
// keys match the Medical flag, and a plural for the build summary.
func TestTableOfKinds(t *testing.T) {
	seen := map[Kind]bool{}
	folders := map[string]bool{}
	for _, k := range Kinds() {
		if seen[k.Kind] {
			t.Errorf("%s is in the table twice", k.Kind)
		}
		seen[k.Kind] = true
		if k.Plural == "" || k.PageType == "" {
			t.Errorf("%s has no plural or no page type", k.Kind)
		}
		if k.Folder != "" {
			if folders[k.Folder] {
				t.Errorf("the folder %s has two kinds", k.Folder)
			}
			folders[k.Folder] = true
			if got := KindOf(k.Folder + "/x.md"); got != k.Kind {
				t.Errorf("KindOf(%s/x.md) = %s, want %s", k.Folder, got, k.Kind)
			}
			if k.Meta == nil {
				t.Errorf("%s has a folder but no front-matter type", k.Kind)
				continue
			}
		}
		if k.Meta == nil {
			continue
		}
		if got := MedicalOf(k.Meta()) != nil; got != k.Medical {
			t.Errorf("%s: Medical is %v but its front matter has medical keys: %v", k.Kind, k.Medical, got)
		}
		if k.Reviewed && !k.Medical {
			t.Errorf("%s must be reviewed but is not medical", k.Kind)
		}
	}
	for _, k := range []Kind{KindHome, KindSection, KindPage, KindTerms, KindTerm, KindNotFound} {
		if !seen[k] {
			t.Errorf("%s is not in the table", k)
		}
	}
	if KindOf("about.md") != KindPage || KindOf("misc/x.md") != KindPage {
		t.Error("files outside the kinds' folders are pages")
	}
}

// TestReadableFollowsTheTheme checks that the front-matter text patients
// read is returned in the order the theme shows it, with its key paths.
func TestReadableFollowsTheTheme(t *testing.T) {
	c := &Condition{Common: Common{Summary: "S"}, Medical: Medical{KeyPoints: []string{"K"}},
		Symptoms: []string{"a", "", "b"}, RedFlags: []string{"r"}, Treatments: []string{"t"}}
	var got []string
	for _, f := range c.Readable() {
		got = append(got, f.Key+"="+f.Text)
	}
	want := "summary=S key_points.0=K symptoms.0=a symptoms.2=b red_flags.0=r treatments.0=t"
	if s := join(got); s != want {
		t.Errorf("got %s\nwant %s", s, want)
	}
	faq := &FAQ{Questions: []Question{{Question: "Q?", Answer: "A."}}}
	if f := faq.Readable(); len(f) != 1 || !f[0].Heading || f[0].Key != "questions.0.question" {
		t.Errorf("FAQ: %+v", f)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
