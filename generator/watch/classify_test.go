package watch

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		rel  string
		want Kind
	}{
		{"site.yaml", KindConfig},
		{"./site.yaml", KindConfig},
		{"content", KindContent},
		{"content/conditions/asthma.md", KindContent},
		{"content/_index.md", KindContent},
		{"themes", KindTheme},
		{"themes/default/layouts/page.html", KindTheme},
		{"themes/clinic/static/css/site.css", KindTheme},
		{"contents/x.md", KindOther},
		{"content.md", KindOther},
		{"site.yaml.bak", KindOther},
		{"content/site.yaml", KindContent},
		{"README.md", KindOther},
	}
	for _, tt := range tests {
		if got := Classify(tt.rel); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestSkipRel(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/x.md", false},
		{"public", true},
		{"public/index.html", true},
		{"content/public/x.md", false},
		{"publications/x.md", false},
		{"content/.git/HEAD", true},
		{"content/a/.x.md.swp", true},
		{"themes/default/layouts/4913", true},
	}
	for _, tt := range tests {
		if got := skipRel(tt.rel); got != tt.want {
			t.Errorf("skipRel(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}
