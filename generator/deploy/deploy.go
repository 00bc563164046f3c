// Package deploy publishes a built site to S3-compatible object storage:
// AWS S3, Cloudflare R2, Backblaze B2, DigitalOcean Spaces, Google Cloud
// Storage's S3 API, MinIO, SeaweedFS.
//
// Prepare compares the site, an fs.FS, with what the bucket holds under a
// prefix and makes a Plan: the files to upload (new), to update (changed:
// their MD5 is not the object's ETag), to delete (objects the site no
// longer has, only when asked) and those unchanged. Apply carries it out
// in an order that never shows a half-published site: files other than
// pages first (stylesheets, pictures), then the pages, then the home page
// and the files that list pages (sitemap, feeds), and deletions last, once
// everything else has been written. An interrupted Apply leaves every
// object whole, old or new; the next Prepare finds what is left to do.
//
// Each object gets the Content-Type and Cache-Control of package headers,
// then the headers of the site's _headers rules that object storage can
// keep (Cache-Control, Content-Type, Content-Language, Content-Disposition,
// Content-Encoding); Plan.Unapplied names the others, which a CDN in front
// of the bucket must send. The old addresses of _redirects become website
// redirects of their objects. _headers and _redirects themselves are not
// uploaded.
//
// The Store interface is the bucket; S3 implements it with minio-go.
package deploy

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Options say where in the bucket the site goes and what may change.
type Options struct {
	// Prefix is the folder of the bucket the site goes in: "" for the
	// bucket's root, or a folder ending in "/" such as "clinic/". Nothing
	// outside it is listed, written or deleted.
	Prefix string
	// BasePath is the path the site is published at, "/" or "/clinic/"
	// (config.Config.BasePath): the _headers and _redirects of the site
	// name its files under it.
	BasePath string
	// Delete removes the objects under Prefix that the site no longer has.
	Delete bool
	// Force updates every object, changed or not: after a change to the
	// headers alone, which ETags do not show.
	Force bool
	// Workers is how many requests run at once; 0 is 8.
	Workers int
}

// Action is what a Plan does with one file or object.
type Action int

// The actions, in the order a plan's summary counts them.
const (
	Upload    Action = iota // a file the bucket does not have
	Update                  // a file whose object differs
	Delete                  // an object the site no longer has
	Unchanged               // a file whose object is the same
	Left                    // an object the site no longer has, kept without Options.Delete
)

func (a Action) String() string {
	return [...]string{"upload", "update", "delete", "unchanged", "left"}[a]
}

// Change is one step of a Plan.
type Change struct {
	Action Action
	// Key is the object's key.
	Key string
	// Name is the file's name in the site; empty for Delete and Left.
	Name string
	// Size is the file's size, or the object's for Delete and Left.
	Size int64
	// Meta is what is sent with the object.
	Meta Meta
	// phase orders the writes: see the package documentation.
	phase int
}

// Plan is what Apply will do to bring the bucket to the site.
type Plan struct {
	// Changes lists every file and object, in the order Apply handles
	// them.
	Changes []Change
	// Unapplied names the headers of _headers that object storage cannot
	// send, such as Content-Security-Policy.
	Unapplied []string

	site fs.FS
	opts Options
}

// Prepare lists the site and the bucket's objects under opts.Prefix and
// plans what to upload, update and delete.
func Prepare(ctx context.Context, site fs.FS, store Store, opts Options) (*Plan, error) {
	if opts.Prefix != "" && !strings.HasSuffix(opts.Prefix, "/") {
		return nil, fmt.Errorf("deploy: prefix %q must end in /", opts.Prefix)
	}
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	files, unapplied, err := readSite(site, opts.BasePath)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("deploy: the site has no files")
	}
	objects, err := store.List(ctx, opts.Prefix)
	if err != nil {
		return nil, err
	}
	remote := make(map[string]Object, len(objects))
	for _, o := range objects {
		if strings.HasPrefix(o.Key, opts.Prefix) { // never trust a store's listing beyond the prefix
			remote[o.Key] = o
		}
	}
	p := &Plan{Unapplied: unapplied, site: site, opts: opts}
	for _, f := range files {
		key := opts.Prefix + f.name
		c := Change{Action: Upload, Key: key, Name: f.name, Size: f.size, Meta: f.meta, phase: phaseOf(f.name)}
		if o, ok := remote[key]; ok {
			delete(remote, key)
			c.Action = Update
			if !opts.Force && o.Size == f.size && strings.EqualFold(strings.Trim(o.ETag, `"`), f.md5) {
				c.Action = Unchanged
			}
		}
		p.Changes = append(p.Changes, c)
	}
	for key, o := range remote {
		if strings.HasSuffix(key, "/") {
			continue // a folder marker some tools make
		}
		c := Change{Action: Left, Key: key, Size: o.Size, phase: phaseDelete}
		if opts.Delete {
			c.Action = Delete
		}
		p.Changes = append(p.Changes, c)
	}
	sort.SliceStable(p.Changes, func(i, j int) bool {
		a, b := p.Changes[i], p.Changes[j]
		if a.phase != b.phase {
			return a.phase < b.phase
		}
		return a.Key < b.Key
	})
	return p, nil
}

// The phases of Apply: each starts once the one before has finished.
const (
	phaseFiles  = iota // stylesheets, pictures, documents
	phasePages         // pages
	phaseLists         // the home page, the 404 page, the sitemap and feeds
	phaseDelete        // objects the site no longer has
)

// phaseOf returns the phase a file of the site is written in.
func phaseOf(name string) int {
	switch {
	case name == "index.html" || name == "404.html" || name == "sitemap.xml" || path.Base(name) == "index.xml":
		return phaseLists
	case path.Ext(name) == ".html":
		return phasePages
	}
	return phaseFiles
}

// Count returns how many changes of the plan are a, and their bytes.
func (p *Plan) Count(a Action) (n int, bytes int64) {
	for _, c := range p.Changes {
		if c.Action == a {
			n++
			bytes += c.Size
		}
	}
	return n, bytes
}

// Pending reports whether Apply has anything to do.
func (p *Plan) Pending() bool {
	for _, c := range p.Changes {
		if c.Action == Upload || c.Action == Update || c.Action == Delete {
			return true
		}
	}
	return false
}

// String summarizes the plan in a line:
// "upload 54 files (1.2 MB), update 0, delete 0, unchanged 0".
func (p *Plan) String() string {
	var parts []string
	for _, a := range []Action{Upload, Update, Delete, Unchanged} {
		n, b := p.Count(a)
		s := fmt.Sprintf("%s %d", a, n)
		if n > 0 && a != Unchanged {
			s = fmt.Sprintf("%s %s (%s)", a, files(n), Bytes(b))
		}
		parts = append(parts, s)
	}
	if n, _ := p.Count(Left); n > 0 {
		parts = append(parts, fmt.Sprintf("%s the site no longer has left in place", objects(n)))
	}
	return strings.Join(parts, ", ")
}

func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

func objects(n int) string {
	if n == 1 {
		return "1 object"
	}
	return fmt.Sprintf("%d objects", n)
}

// Bytes writes a size for people: "812 B", "14.2 kB", "3.4 MB".
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}
