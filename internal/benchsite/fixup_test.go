package benchsite

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFixPage(t *testing.T) {
	tests := []struct{ name, rel, in, want string }{
		{"vague link", "articles/a.md",
			"---\ntitle: A\n---\nSee [here](/x/) and ![more](/i.png).\n",
			"---\ntitle: A\n---\nSee [here about this topic](/x/) and ![more](/i.png).\n"},
		{"condition", "conditions/c.md",
			"---\ntitle: C\ndescription: \"Pain, and more.\"\nauthor: a\n---\nBody.\n",
			"---\ntitle: C\ndescription: \"Pain, and more.\"\nsummary: \"Pain, and more.\"\nkey_points:\n  - \"Pain, and more.\"\nauthor: a\n---\nBody.\n"},
		{"procedure", "procedures/p.md",
			"---\ntitle: P\ndescription: D.\n---\n",
			"---\ntitle: P\ndescription: D.\nsummary: D.\nkey_points:\n  - D.\naftercare_warnings:\n  - \"A fever of 101 °F (38.3 °C) or higher\"\n---\n"},
		{"faq", "faqs/f.md",
			"---\ntitle: F\ndescription: D.\n---\n",
			"---\ntitle: F\ndescription: D.\nsummary: D.\n---\n"},
		{"has its sections", "conditions/c.md",
			"---\ntitle: C\ndescription: D.\nsummary: S.\nkey_points: [K.]\n---\nsummary: in the body\n",
			"---\ntitle: C\ndescription: D.\nsummary: S.\nkey_points: [K.]\n---\nsummary: in the body\n"},
		{"section page", "conditions/_index.md",
			"---\ntitle: Conditions\ndescription: D.\n---\n",
			"---\ntitle: Conditions\ndescription: D.\n---\n"},
		{"no description", "conditions/c.md",
			"---\ntitle: C\n---\n",
			"---\ntitle: C\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(fixPage(tt.rel, []byte(tt.in)))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if again := string(fixPage(tt.rel, []byte(got))); again != got {
				t.Errorf("a second run changed it again:\n%s", again)
			}
		})
	}
}

func TestFixup(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "content", "faqs", "f.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("---\ntitle: F\ndescription: D.\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 0} {
		n, err := Fixup(dir)
		if err != nil || n != want {
			t.Errorf("run %d: %d changed, %v; want %d", i+1, n, err, want)
		}
	}
}
