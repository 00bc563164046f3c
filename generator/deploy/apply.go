package deploy

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Progress is how far Apply has got: changes made of all it will make,
// and their bytes.
type Progress struct {
	Done, Total           int
	DoneBytes, TotalBytes int64
}

// Apply makes the plan's uploads, updates and deletions in store, phase
// by phase (see the package documentation), calling progress, if not nil,
// after each; calls to progress are never concurrent. It stops at the
// first error, or when ctx is done, before the next phase starts: a
// failed upload leaves the objects it has not reached as they were, and
// nothing is deleted.
func (p *Plan) Apply(ctx context.Context, store Store, progress func(Progress)) error {
	var todo []Change
	var total Progress
	for _, c := range p.Changes {
		if c.Action == Upload || c.Action == Update || c.Action == Delete {
			todo = append(todo, c)
			total.Total++
			if c.Action != Delete {
				total.TotalBytes += c.Size
			}
		}
	}
	workers := p.opts.Workers
	if workers <= 0 {
		workers = 8
	}
	var mu sync.Mutex
	done := Progress{Total: total.Total, TotalBytes: total.TotalBytes}
	for start := 0; start < len(todo); {
		end := start
		for end < len(todo) && todo[end].phase == todo[start].phase {
			end++
		}
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(workers)
		for _, c := range todo[start:end] {
			g.Go(func() error {
				if err := p.apply(gctx, store, c); err != nil {
					return err
				}
				mu.Lock()
				defer mu.Unlock()
				done.Done++
				if c.Action != Delete {
					done.DoneBytes += c.Size
				}
				if progress != nil {
					progress(done)
				}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// apply makes one change.
func (p *Plan) apply(ctx context.Context, store Store, c Change) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Action == Delete {
		if !strings.HasPrefix(c.Key, p.opts.Prefix) {
			return fmt.Errorf("deploy: refusing to delete %s, outside the prefix %q", c.Key, p.opts.Prefix)
		}
		if err := store.Delete(ctx, c.Key); err != nil {
			return fmt.Errorf("deleting %s: %w", c.Key, err)
		}
		return nil
	}
	f, err := p.site.Open(c.Name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := store.Put(ctx, c.Key, f, c.Size, c.Meta); err != nil {
		return fmt.Errorf("uploading %s: %w", c.Name, err)
	}
	return nil
}
