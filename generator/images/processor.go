package images

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Processor makes the versions of pictures into a Cache, each picture
// once however many pages and files ask for it at the same time, and at
// most Parallel pictures at once: a 4000 × 3000 photograph takes about
// 100 MB while it is processed, so the memory a build needs grows with
// the cores, not with the number of photographs. A Processor is safe for
// concurrent use.
type Processor struct {
	cache Cache
	slots chan struct{}

	mu   sync.Mutex
	jobs map[string]*job

	// made and busy count the pictures processed and the time spent.
	made atomic.Int64
	busy atomic.Int64
}

// job is the processing of one picture.
type job struct {
	once sync.Once
	err  error
}

// NewProcessor returns a Processor that keeps versions in cache and
// processes at most parallel pictures at once (GOMAXPROCS when 0).
func NewProcessor(cache Cache, parallel int) *Processor {
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	return &Processor{cache: cache, slots: make(chan struct{}, parallel), jobs: map[string]*job{}}
}

// Cache returns the processor's cache.
func (p *Processor) Cache() Cache { return p.cache }

// Ensure makes sure the versions of the picture key are in the cache:
// when they are not, it reads the picture with read, processes it as
// info under s and puts its versions in the cache. ctx stops a wait for a
// free slot, not a picture being processed.
func (p *Processor) Ensure(ctx context.Context, key string, info Info, s Settings, read func() ([]byte, error)) error {
	p.mu.Lock()
	j := p.jobs[key]
	if j == nil {
		j = &job{}
		p.jobs[key] = j
	}
	p.mu.Unlock()
	j.once.Do(func() {
		if p.cache.Has(key) {
			return
		}
		select {
		case p.slots <- struct{}{}:
		case <-ctx.Done():
			j.err = ctx.Err()
			return
		}
		defer func() { <-p.slots }()
		start := time.Now()
		data, err := read()
		if err != nil {
			j.err = err
			return
		}
		files, err := Process(data, info, s)
		if err != nil {
			j.err = err
			return
		}
		j.err = p.cache.Put(key, files)
		p.made.Add(1)
		p.busy.Add(int64(time.Since(start)))
	})
	if j.err == nil && !p.cache.Has(key) {
		return errMissing
	}
	return j.err
}

// Stats returns how many pictures the processor processed and the time
// spent on them, summed over the pictures processed at once.
func (p *Processor) Stats() (pictures int, busy time.Duration) {
	return int(p.made.Load()), time.Duration(p.busy.Load())
}
