package content

import (
	"slices"
	"testing"
)

func TestPostNominals(t *testing.T) {
	tests := []struct {
		name        string
		title       string
		credentials []string
		letters     []string
		full        string
	}{
		{"degree and certifications", "Maya Ortiz", []string{"MD", "Board certified in Pain Medicine", "Pain Medicine fellowship"}, []string{"MD"}, "Maya Ortiz, MD"},
		{"dots", "Maya Ortiz", []string{"M.D."}, []string{"M.D."}, "Maya Ortiz, M.D."},
		{"two degrees", "Ana Ruiz", []string{"MD", "PhD"}, []string{"MD", "PhD"}, "Ana Ruiz, MD, PhD"},
		{"with a hyphen", "Kim Park", []string{"PA-C"}, []string{"PA-C"}, "Kim Park, PA-C"},
		{"explained in brackets", "Maya Ortiz", []string{"MD (doctora en medicina)"}, []string{"MD"}, "Maya Ortiz, MD"},
		{"already in the title", "Jordan Lee, NP", []string{"NP", "Family Nurse Practitioner, board certified"}, []string{"NP"}, "Jordan Lee, NP"},
		{"one capital is a word", "Sam Reed", []string{"Fellowship", "Do"}, nil, "Sam Reed"},
		{"a sentence is not letters", "Sam Reed", []string{"Board certified"}, nil, "Sam Reed"},
		{"written twice", "Sam Reed", []string{"DO", "DO"}, []string{"DO", "DO"}, "Sam Reed, DO"},
		{"none", "Sam Reed", nil, nil, "Sam Reed"},
		{"a doctor by title", "Dr. Maya Ortiz", []string{"MD"}, []string{"MD"}, "Dr. Maya Ortiz"},
		{"una doctora", "Dra. Ana Ruiz", []string{"MD"}, []string{"MD"}, "Dra. Ana Ruiz"},
		{"Dr is a word", "Drew Park", []string{"DPT"}, []string{"DPT"}, "Drew Park, DPT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Provider{Credentials: tt.credentials}
			if got := m.PostNominals(); !slices.Equal(got, tt.letters) {
				t.Errorf("PostNominals() = %q, want %q", got, tt.letters)
			}
			if got := m.FullName(tt.title); got != tt.full {
				t.Errorf("FullName(%q) = %q, want %q", tt.title, got, tt.full)
			}
		})
	}
}
