package headers

import "testing"

// TestCacheControl keeps what changes with the pages — the pages, and
// the search index's files — fresh within minutes, and other files an
// hour.
func TestCacheControl(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"conditions/sciatica/index.html", CachePage},
		{"search/w/3.json", CachePage},
		{"search/p/12.json", CachePage},
		{"search/r/0.json", CachePage},
		{"sitemap.xml", CachePage},
		{"_redirects", CachePage},
		{"images/spine.webp", CacheFile},
		{"forms/intake.PDF", CacheFile},
	} {
		if got := CacheControl(tc.name); got != tc.want {
			t.Errorf("CacheControl(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}
