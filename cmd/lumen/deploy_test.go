package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/s3test"
)

// TestDeployTheExampleSite deploys the example site with lumen deploy to
// an S3-compatible server on loopback: a dry run changes nothing, the
// first deploy uploads every file but _headers and _redirects, the next
// one nothing.
func TestDeployTheExampleSite(t *testing.T) {
	srv := s3test.Start(t, "clinic-site")
	dest := filepath.Join(t.TempDir(), "public")
	deploy := func(extra ...string) (int, string, string) {
		return lumen(append([]string{"deploy", "--source", "../..", "--dest", dest,
			"--bucket", "clinic-site", "--endpoint", srv.URL, "--region", "us-east-1"}, extra...)...)
	}

	code, out, errs := deploy("--dry-run")
	if code != exitOK {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errs)
	}
	files := 0
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "_headers" && d.Name() != "_redirects" {
			files++
		}
		return nil
	})
	plan := regexp.MustCompile(`Dry run for s3://clinic-site/ at http://127\.0\.0\.1:\d+: upload (\d+) files \([\d.]+ [kM]B\), update 0, delete 0, unchanged 0`).FindStringSubmatch(out)
	if plan == nil || plan[1] != itoa(files) {
		t.Errorf("dry run of %d files printed:\n%s", files, out)
	}
	for _, want := range []string{"Built ", "  upload clinic-site/", "Object storage cannot send Content-Security-Policy, Permissions-Policy, Referrer-Policy, X-Content-Type-Options", "Dry run: nothing was changed."} {
		if !strings.Contains(out, strings.Replace(want, "clinic-site/", "", 1)) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if n := srv.Count("PUT"); n != 0 {
		t.Errorf("the dry run made %d uploads", n)
	}

	code, out, errs = deploy()
	if code != exitOK || !strings.Contains(out, "Deployed to s3://clinic-site/") || !strings.Contains(out, itoa(files)+" uploaded, 0 updated, 0 deleted") {
		t.Fatalf("deploy: exit %d\n%s%s", code, out, errs)
	}
	// Each file is uploaded; a real server under load may refuse some
	// uploads or be slow to answer, and the client sends them again.
	if n, again := srv.Count("PUT"), srv.Refused("PUT"); srv.Keys() != files || n < files {
		t.Errorf("deploy uploaded %d files in %d uploads (%d refused), want %d files", srv.Keys(), n, again, files)
	} else if n > files {
		t.Logf("%d uploads for %d files: %d refused by the storage and sent again", n, files, again)
	}
	if cc := srv.Put("index.html").Get("Cache-Control"); cc != "public, max-age=300" {
		t.Errorf("home page Cache-Control %q", cc)
	}

	code, out, _ = deploy()
	if code != exitOK || !strings.Contains(out, "Nothing to upload: the bucket already holds this site.") || srv.Count("PUT") != 0 {
		t.Errorf("second deploy: exit %d\n%s", code, out)
	}
}

// TestDeployRefusesWhatItCannotDoSafely: a site with errors, no bucket,
// no credentials and plain http to another machine each stop before
// anything is uploaded, saying what to do.
func TestDeployRefusesWhatItCannotDoSafely(t *testing.T) {
	srv := s3test.Start(t, "clinic-site")
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "site.yaml"), []byte("title: T\nbase_url: https://example.com/\n"), 0o644)
	os.MkdirAll(filepath.Join(broken, "content"), 0o755)
	os.WriteFile(filepath.Join(broken, "content", "about.md"), []byte("---\ntitle: About\ncolour: blue\n---\n"), 0o644)

	for _, tc := range []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"failed build", []string{"--source", broken, "--bucket", "clinic-site", "--endpoint", srv.URL}, nil, "the build failed; nothing was uploaded"},
		{"no bucket", []string{"--source", "../..", "--endpoint", srv.URL}, nil, "no bucket to deploy to"},
		{"bad bucket", []string{"--source", "../..", "--bucket", "Clinic Site", "--endpoint", srv.URL}, nil, `bucket "Clinic Site" is not a bucket name`},
		{"plain http elsewhere", []string{"--source", "../..", "--bucket", "clinic-site", "--endpoint", "http://s3.example.com"}, nil, "plain http"},
		{"no credentials", []string{"--source", "../..", "--bucket", "clinic-site", "--endpoint", srv.URL},
			map[string]string{"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}, "no credentials for the storage"},
		{"prefix climbing out", []string{"--source", "../..", "--bucket", "clinic-site", "--endpoint", srv.URL, "--prefix", "../other/"}, nil, "is not a folder of the bucket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			args := append([]string{"deploy", "--dest", filepath.Join(t.TempDir(), "public")}, tc.args...)
			code, out, errs := lumen(args...)
			if code != exitError || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q (stdout %s)", code, errs, tc.want, out)
			}
			if n := srv.Count("PUT"); n != 0 {
				t.Errorf("%d uploads", n)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
