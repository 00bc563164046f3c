package deploy

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/generator/fingerprint"
	"github.com/lumen-ssg/lumen/generator/headers"
	"github.com/lumen-ssg/lumen/internal/s3test"
)

var css = []byte("body { color: navy }")

// testSite is a built site published under /clinic/, as a build writes
// it: pages, a fingerprinted stylesheet, the page at an old address, and
// the _headers and _redirects files of static hosts.
func testSite() fstest.MapFS {
	fp := fingerprint.Name("css/main.css", css)
	return fstest.MapFS{
		"index.html":                         {Data: []byte("<h1>Home</h1>")},
		"404.html":                           {Data: []byte("<h1>Not found</h1>")},
		"about/index.html":                   {Data: []byte("<h1>About</h1>")},
		"conditions/sciatica/index.html":     {Data: []byte("<h1>Sciatica</h1>")},
		"conditions/slipped-disc/index.html": {Data: []byte(`<meta http-equiv="refresh" content="0; url=/clinic/conditions/sciatica/">`)},
		"css/main.css":                       {Data: css},
		fp:                                   {Data: css},
		"sitemap.xml":                        {Data: []byte("<urlset/>")},
		"robots.txt":                         {Data: []byte("User-agent: *\n")},
		"_headers": {Data: []byte("/clinic/*\n  X-Content-Type-Options: nosniff\n  Content-Language: en\n" +
			"/clinic/" + fp + "\n  Cache-Control: " + headers.CacheFingerprinted + "\n")},
		"_redirects": {Data: []byte("/clinic/conditions/slipped-disc/ /clinic/conditions/sciatica/ 301\n")},
	}
}

// siteFiles is how many files of testSite are uploaded: all but
// _headers and _redirects.
const siteFiles = 9

var opts = Options{Prefix: "clinic/", BasePath: "/clinic/"}

func prepare(t *testing.T, site fstest.MapFS, st Store, o Options) *Plan {
	t.Helper()
	p, err := Prepare(context.Background(), site, st, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func count(p *Plan, a Action) int {
	n, _ := p.Count(a)
	return n
}

func putString(t *testing.T, st Store, key, text string) {
	t.Helper()
	if err := st.Put(context.Background(), key, strings.NewReader(text), int64(len(text)), Meta{ContentType: "text/plain"}); err != nil {
		t.Fatal(err)
	}
}

// TestDeploySendsOnlyWhatChanged deploys a site to an S3-compatible
// server on loopback: the first deploy uploads every file with its
// headers, a second one nothing, an edit one page, and a deletion removes
// the page's object only when asked and never outside the prefix.
func TestDeploySendsOnlyWhatChanged(t *testing.T) {
	srv := s3test.Start(t, "site")
	st := store(t, srv, "site")
	putString(t, st, "other/keep.txt", "another site's file")
	putString(t, st, "clinic/old/index.html", "a page the site no longer has")
	if r := srv.Refused("PUT"); r > 0 {
		t.Logf("the storage refused %d uploads to the new bucket; they were sent again", r)
	}
	srv.Forget()
	site := testSite()

	// First deploy. The plan alone writes nothing.
	first := prepare(t, site, st, opts)
	if count(first, Upload) != siteFiles || count(first, Left) != 1 || !first.Pending() {
		t.Fatalf("first plan: %s", first)
	}
	if !strings.HasPrefix(first.String(), "upload 9 files (") || !strings.Contains(first.String(), "1 object the site no longer has left in place") {
		t.Errorf("first plan reads %q", first)
	}
	if n := srv.Count("PUT"); n != 0 {
		t.Fatalf("planning made %d PUTs", n)
	}
	if err := first.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if n, again := srv.Count("PUT"), srv.Refused("PUT"); n-again != siteFiles {
		t.Errorf("first deploy: %d PUTs (%d of them refused and sent again), want %d", n, again, siteFiles)
	}
	got := keys(t, st)
	for name := range site {
		key := "clinic/" + name
		if _, ok := got[key]; ok == (name == "_headers" || name == "_redirects") {
			t.Errorf("%s: in the bucket = %v", key, ok)
		}
	}

	// What is sent with each object.
	fp := "clinic/" + fingerprint.Name("css/main.css", css)
	for _, tc := range []struct{ key, header, want string }{
		{fp, "Cache-Control", headers.CacheFingerprinted},
		{fp, "Content-Type", "text/css; charset=utf-8"},
		{"clinic/css/main.css", "Cache-Control", headers.CacheFile},
		{"clinic/about/index.html", "Cache-Control", headers.CachePage},
		{"clinic/about/index.html", "Content-Type", "text/html; charset=utf-8"},
		{"clinic/about/index.html", "Content-Language", "en"},
		{"clinic/conditions/slipped-disc/index.html", "X-Amz-Website-Redirect-Location", "/clinic/conditions/sciatica/"},
		{"clinic/about/index.html", "X-Amz-Website-Redirect-Location", ""},
	} {
		if got := srv.Put(tc.key).Get(tc.header); got != tc.want {
			t.Errorf("%s: %s: %q, want %q", tc.key, tc.header, got, tc.want)
		}
	}
	if !slices.Equal(first.Unapplied, []string{"X-Content-Type-Options"}) {
		t.Errorf("unapplied headers: %v", first.Unapplied)
	}

	// A deploy of the same site uploads nothing.
	again := prepare(t, site, st, opts)
	if again.Pending() || count(again, Unchanged) != siteFiles {
		t.Errorf("second plan: %s", again)
	}
	if err := again.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count("PUT"); n != 0 {
		t.Errorf("a deploy with no change made %d PUTs", n)
	}

	// An edit uploads the one page.
	site["about/index.html"] = &fstest.MapFile{Data: []byte("<h1>About us</h1>")}
	edit := prepare(t, site, st, opts)
	if count(edit, Update) != 1 || count(edit, Upload) != 0 || count(edit, Unchanged) != siteFiles-1 {
		t.Errorf("edit plan: %s", edit)
	}
	if err := edit.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if w := srv.Written(); !slices.Equal(w[len(w)-1:], []string{"PUT clinic/about/index.html"}) || srv.Count("PUT")-srv.Refused("PUT") != 1 {
		t.Errorf("the edit wrote %v", w)
	}

	// A page removed from the site: its object stays unless deletions
	// are asked for; another site's object in the bucket never goes.
	delete(site, "conditions/sciatica/index.html")
	kept := prepare(t, site, st, opts)
	if count(kept, Delete) != 0 || count(kept, Left) != 2 {
		t.Errorf("without Delete: %s", kept)
	}
	withDelete := opts
	withDelete.Delete = true
	gone := prepare(t, site, st, withDelete)
	if count(gone, Delete) != 2 {
		t.Errorf("with Delete: %s", gone)
	}
	if err := gone.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	got = keys(t, st)
	for key, want := range map[string]bool{"clinic/conditions/sciatica/index.html": false, "clinic/old/index.html": false, "other/keep.txt": true, "clinic/about/index.html": true} {
		if _, ok := got[key]; ok != want {
			t.Errorf("after the deletion, %s in the bucket = %v, want %v", key, ok, want)
		}
	}
}

// TestInterruptedDeployIsFinishedByTheNext stops a deploy after three
// uploads: no object is half written, nothing is deleted, and the next
// deploy uploads only the rest.
func TestInterruptedDeployIsFinishedByTheNext(t *testing.T) {
	srv := s3test.Start(t, "site")
	st := store(t, srv, "site")
	putString(t, st, "clinic/old/index.html", "a page the site no longer has")
	site := testSite()
	o := opts
	o.Delete = true
	o.Workers = 1

	ctx, cancel := context.WithCancel(context.Background())
	err := prepare(t, site, st, o).Apply(ctx, st, func(p Progress) {
		if p.Done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted deploy: %v, want context.Canceled", err)
	}
	got := keys(t, st)
	if _, ok := got["clinic/old/index.html"]; !ok {
		t.Error("an interrupted deploy deleted an object")
	}
	uploaded := len(got) - 1
	for key, etag := range got {
		name := strings.TrimPrefix(key, "clinic/")
		if f := site[name]; f != nil && etag != md5hex(f.Data) {
			t.Errorf("%s is not whole after the interruption", key)
		}
	}

	rest := prepare(t, site, st, o)
	if count(rest, Upload) != siteFiles-uploaded || count(rest, Unchanged) != uploaded || count(rest, Delete) != 1 {
		t.Errorf("after %d uploads, the next plan is: %s", uploaded, rest)
	}
	if err := rest.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if p := prepare(t, site, st, o); p.Pending() {
		t.Errorf("after the complete deploy: %s", p)
	}
}

// TestDeployWritesInAnOrderThatNeverBreaksAPage checks the phases: files
// before the pages that use them, pages before the home page and the
// sitemap that link to them, deletions last.
func TestDeployWritesInAnOrderThatNeverBreaksAPage(t *testing.T) {
	srv := s3test.Start(t, "site")
	st := store(t, srv, "site")
	putString(t, st, "clinic/old/index.html", "old")
	srv.Written()
	o := opts
	o.Delete = true
	if err := prepare(t, testSite(), st, o).Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	phase := func(w string) int {
		switch method, key, _ := strings.Cut(w, " "); {
		case method == "DELETE":
			return 3
		case key == "clinic/index.html" || key == "clinic/404.html" || key == "clinic/sitemap.xml":
			return 2
		case strings.HasSuffix(key, ".html"):
			return 1
		}
		return 0
	}
	w := srv.Written()
	if len(w) != siteFiles+1 {
		t.Fatalf("%d writes: %v", len(w), w)
	}
	for i := 1; i < len(w); i++ {
		if phase(w[i]) < phase(w[i-1]) {
			t.Errorf("%q came after %q", w[i], w[i-1])
		}
	}
}

// TestPassingFailuresAreTriedAgain answers the first two uploads of the
// home page with 503 Slow Down: the deploy still succeeds.
func TestPassingFailuresAreTriedAgain(t *testing.T) {
	srv := s3test.Start(t, "site")
	st := store(t, srv, "site")
	srv.FailNext("clinic/index.html", 2)
	if err := prepare(t, testSite(), st, opts).Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if etag := keys(t, st)["clinic/index.html"]; etag != md5hex([]byte("<h1>Home</h1>")) {
		t.Errorf("the home page after two failures: %q", etag)
	}
}

// TestStorageRefusalsSayWhatToDo connects to a bucket that does not exist
// and without credentials.
func TestStorageRefusalsSayWhatToDo(t *testing.T) {
	srv := s3test.Start(t, "site")
	_, err := Prepare(context.Background(), testSite(), store(t, srv, "no-such-bucket"), opts)
	if err == nil || !strings.Contains(err.Error(), `no bucket "no-such-bucket"`) {
		t.Errorf("missing bucket: %v", err)
	}
	if srv.Real {
		// Only a real server checks signatures.
		t.Setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
		_, err := Prepare(context.Background(), testSite(), store(t, srv, "site"), opts)
		if err == nil || !strings.Contains(err.Error(), "refused the credentials") {
			t.Errorf("a wrong secret: %v", err)
		}
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	if _, err := NewS3(Target{Bucket: "site", Endpoint: srv.URL}); err == nil || !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") {
		t.Errorf("no credentials: %v", err)
	}
}

// listing is a Store whose listing holds what it was given, whatever the
// prefix asked, as a faulty storage's might.
type listing []Object

func (l listing) List(context.Context, string) ([]Object, error) { return l, nil }
func (listing) Put(context.Context, string, io.Reader, int64, Meta) error {
	return nil
}
func (listing) Delete(context.Context, string) error { return nil }

func TestNothingOutsideThePrefixIsEverDeleted(t *testing.T) {
	o := opts
	o.Delete = true
	p := prepare(t, testSite(), listing{{Key: "clinical/index.html"}, {Key: "index.html"}, {Key: "clinic/old.txt"}}, o)
	var deleted []string
	for _, c := range p.Changes {
		if c.Action == Delete {
			deleted = append(deleted, c.Key)
		}
	}
	if !slices.Equal(deleted, []string{"clinic/old.txt"}) {
		t.Errorf("deletes %v", deleted)
	}
	if _, err := Prepare(context.Background(), testSite(), listing{}, Options{Prefix: "clinic"}); err == nil {
		t.Error("a prefix without a final / was accepted")
	}
}

// store connects to the server's bucket as lumen deploy does.
func store(t *testing.T, srv *s3test.Server, bucket string) *S3 {
	t.Helper()
	st, err := NewS3(Target{Bucket: bucket, Endpoint: srv.URL, Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// keys lists the bucket's objects through the store, key → ETag.
func keys(t *testing.T, st Store) map[string]string {
	t.Helper()
	objs, err := st.List(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, o := range objs {
		out[o.Key] = o.ETag
	}
	return out
}

func md5hex(data []byte) string {
	_, sum, _ := sum(fstest.MapFS{"f": {Data: data}}, "f")
	return sum
}
