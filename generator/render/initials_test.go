package render

import "testing"

// TestInitials checks the letters shown for a provider without a photo.
func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Dr. Maya Ortiz":           "MO",
		"Dra. María José García":   "MG",
		"Jordan Lee, NP":           "JL",
		"samuel reed":              "SR",
		"Cher":                     "C",
		"Dr.":                      "",
		"":                         "",
		"Dr. Ana de la Cruz-Ávila": "AC",
		"Prof. Émile Zola":         "ÉZ",
		"(Dr) Kim":                 "DK",
	} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}
