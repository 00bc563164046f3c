package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestOddButValidSites builds sites whose input is unusual but not wrong:
// each must build, write only inside its destination and escape whatever
// it shows. Sites that must fail are in testdata/invalid.
func TestOddButValidSites(t *testing.T) {
	const site = "-- site.yaml --\ntitle: Test\nbase_url: https://example.com/\n"
	tests := []struct {
		name    string
		archive string
		setup   func(t *testing.T, dir string) // makes what an archive cannot hold
		page    string                         // a page of public/ to check
		lines   []string                       // what it must (or, with "! ", must not) contain
		wantErr string                         // the exact error, for input that must fail
	}{
		{
			name:    "byte-order mark and CRLF line endings",
			archive: site + "-- content/about.md --\n\ufeff---\r\ntitle: About us\r\ndescription: Who we are\r\n---\r\nWe are a **small** practice.\r\n",
			page:    "about/index.html",
			lines:   []string{"<h1", ">About us</h1>", "<strong>small</strong>", "! \ufeff", "! \r"},
		},
		{
			name:    "front matter with nothing after it",
			archive: site + "-- content/about.md --\n---\ntitle: About us\n---",
			page:    "about/index.html",
			lines:   []string{">About us</h1>"},
		},
		{
			name:    "an empty home page file",
			archive: site + "-- content/_index.md --\n-- content/about.md --\n---\ntitle: About\n---\n",
			page:    "index.html",
			lines:   []string{"<h1"},
		},
		{
			name: "a script in the title, description and tags",
			archive: site + "-- content/about.md --\n---\ntitle: \"<script>alert(1)</script> About\"\n" +
				"description: \"\\\"><img src=x onerror=alert(2)>\"\ntags: [\"<b>bold</b>\"]\n---\nHello <script>alert(3)</script>.\n",
			page: "about/index.html",
			lines: []string{"&lt;script&gt;alert(1)&lt;/script&gt; About", "! <script>alert", "! <img src=x",
				"! onerror=alert(2)>", "! <b>bold</b>"},
		},
		{
			name:    "a 10 MB page",
			archive: site,
			setup: func(t *testing.T, dir string) {
				var b strings.Builder
				b.WriteString("---\ntitle: A long page\n---\n")
				para := "We see people with back pain. Most get better in a few weeks. Rest a little and keep moving.\n\n"
				for b.Len() < 10<<20 {
					b.WriteString(para)
				}
				write(t, filepath.Join(dir, "content", "long.md"), b.String())
			},
			page:  "long/index.html",
			lines: []string{">A long page</h1>", "Most get better in a few weeks."},
		},
		{
			name:    "symbolic links inside the site: a folder that loops, a file read twice",
			archive: site + "-- content/about.md --\n---\ntitle: About us\n---\n-- content/files/leaflet.txt --\nRest a little.\n",
			setup: func(t *testing.T, dir string) {
				c := filepath.Join(dir, "content")
				symlink(t, ".", filepath.Join(c, "loop"))                     // a folder that contains itself
				symlink(t, "files/leaflet.txt", filepath.Join(c, "copy.txt")) // a file within the site
			},
			page:  "copy.txt",
			lines: []string{"Rest a little."},
		},
		{
			name:    "symbolic links that leave the site, to a folder and to files",
			archive: site + "-- content/about.md --\n---\ntitle: About us\n---\n-- secret.txt --\ntop secret\n",
			setup: func(t *testing.T, dir string) {
				c := filepath.Join(dir, "content")
				write(t, filepath.Join(dir, "..", "outside.txt"), "the build machine's secret")
				symlink(t, "../..", filepath.Join(c, "up"))                    // the folder above the site
				symlink(t, "/etc/passwd", filepath.Join(c, "passwd.txt"))      // an absolute path
				symlink(t, "../../outside.txt", filepath.Join(c, "notes.txt")) // a relative path out
				symlink(t, "../secret.txt", filepath.Join(c, "ok.txt"))        // inside the site: allowed
			},
			wantErr: "content/notes.txt: a symbolic link to ../../outside.txt, which is outside the site: Lumen never publishes files from outside the site [file]\n" +
				"    hint: copy the file into the site, or remove the link\n" +
				"content/passwd.txt: a symbolic link to /etc/passwd, an absolute path: Lumen follows only links that stay inside the site [file]\n" +
				"    hint: copy the file into the site, or make the link relative to its folder (ln -sr)\n" +
				"content/up: a symbolic link to ../.., which is outside the site: Lumen never publishes files from outside the site [file]\n" +
				"    hint: copy the file into the site, or remove the link",
		},
		{
			name:    "a symbolic link out of the site among the theme's static files",
			archive: site + "-- content/about.md --\n---\ntitle: About us\n---\n",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "..", "shadow"), "the build machine's secret")
				static := filepath.Join(dir, "themes", "default", "static")
				write(t, filepath.Join(static, "robots-extra.txt"), "fine")
				symlink(t, "../../../../shadow", filepath.Join(static, "x.txt"))
			},
			wantErr: "themes/default/static/x.txt: a symbolic link to ../../../../shadow, which is outside the site: Lumen never publishes files from outside the site [theme]\n" +
				"    hint: copy the file into the site, or remove the link",
		},
		{
			name:    "symbolic links to files that loop",
			archive: site + "-- content/about.md --\n---\ntitle: About us\n---\n",
			setup: func(t *testing.T, dir string) {
				c := filepath.Join(dir, "content")
				symlink(t, "b.md", filepath.Join(c, "a.md")) // a.md → b.md → a.md
				symlink(t, "a.md", filepath.Join(c, "b.md"))
				symlink(t, "nowhere.png", filepath.Join(c, "logo.png"))
			},
			wantErr: "content/a.md: a symbolic link that leads to no file: too many levels of symbolic links [file]\n" +
				"    hint: point the link at an existing file, or remove it\n" +
				"content/b.md: a symbolic link that leads to no file: too many levels of symbolic links [file]\n" +
				"    hint: point the link at an existing file, or remove it\n" +
				"content/logo.png: a symbolic link that leads to no file: no such file or directory [file]\n" +
				"    hint: point the link at an existing file, or remove it",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			dir := filepath.Join(root, "site")
			files, _ := sitetest.Parse(tt.archive)
			sitetest.WriteDir(t, dir, files)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := listTree(t, root)
			_, err := Publish(context.Background(), dir, "", Options{Theme: themes.Default()})
			switch {
			case tt.wantErr != "":
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("error:\n%v\nwant:\n%s", err, tt.wantErr)
				}
			case err != nil:
				t.Fatalf("the build failed:\n%v", err)
			default:
				sitetest.Contains(t, os.DirFS(filepath.Join(dir, "public")), tt.page, tt.lines...)
			}
			// Nothing was written outside public/.
			for p := range listTree(t, root) {
				if !before[p] && p != "site/public" && !strings.HasPrefix(p, "site/public/") {
					t.Errorf("written outside the destination: %s", p)
				}
			}
			for p := range before {
				if _, err := os.Lstat(filepath.Join(root, p)); err != nil {
					t.Errorf("%s is gone: %v", p, err)
				}
			}
		})
	}
}

// listTree returns the paths under root, relative to it, without following
// symbolic links.
func listTree(t *testing.T, root string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != root {
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	return out
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}
