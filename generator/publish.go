package generator

import (
	"context"
	"path/filepath"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// Publish builds the site in the folder source and publishes it to the
// folder dest atomically: the new site replaces the old only when the
// whole build succeeded, so on any error, interruption or crash dest is
// left exactly as it was. The site is read through sitefs.Open, so nothing
// outside source is published; dest is resolved and refused when it would
// replace the site's own files (see output.NewDir). opts.Source and
// opts.Out are set by Publish.
func Publish(ctx context.Context, source, dest string, opts Options) (*Result, error) {
	if dest == "" {
		dest = filepath.Join(source, "public")
	}
	out, err := output.NewDir(dest, source)
	if err != nil {
		return nil, err
	}
	src, err := sitefs.Open(source)
	if err != nil {
		out.Abort()
		return nil, err
	}
	defer src.Close()
	opts.Source = src
	opts.Out = out
	if opts.CacheDir != "" && !opts.Detail {
		// A build with a cache carries most files over from the last:
		// into the site before it, kept for that (see output.Dir.KeepSpare).
		out.KeepSpare()
		opts.cache = openCache(opts.CacheDir, opts.CacheVersion, out)
	}
	res, err := Build(ctx, opts)
	if res != nil {
		res.Cache = opts.cache.stats()
	}
	if err != nil {
		out.Abort()
		opts.cache.abort()
		return res, err
	}
	// Publishing is the swap, then the removal of the site it replaced
	// and the writing of the build cache, at once: the one is waiting on
	// the file system's folders, the other on its writes.
	start := time.Now()
	if err := out.Swap(); err != nil {
		opts.cache.abort()
		return res, err
	}
	res.Target = out.Target()
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := out.RemovePrevious(); err != nil {
			res.Notes = append(res.Notes, "the site this build replaced was not all deleted (a later build deletes the rest): "+err.Error())
		}
	})
	if opts.cache != nil {
		if err := opts.cache.commit(); err != nil {
			res.Cache.Note = "the build cache could not be saved: " + err.Error()
		}
	}
	wg.Wait()
	publish := time.Since(start)
	res.Timings = append(res.Timings, Timing{"publish", publish})
	res.Duration += publish
	return res, nil
}
