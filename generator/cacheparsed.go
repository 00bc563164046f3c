package generator

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"hash/fnv"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// parsedShards is the number of shards the parsed files are kept in: an
// edit to one file encodes again one shard, about 1/64 of them.
const parsedShards = 64

// parsedShard is one shard of the parsed content files.
type parsedShard struct {
	// raw is the shard as the last build wrote it, decoded into old on
	// first use.
	raw  []byte
	once sync.Once
	old  map[string]*parsedFile
	// next are the files this build parsed or kept, and clean how many
	// of them are as old has them.
	mu    sync.Mutex
	next  []*parsedFile
	clean int
}

// parsedFile is a content file as package content parsed it, and the
// identity of the file it parsed.
type parsedFile struct {
	Path    string
	Size    int64
	ModTime int64
	Ino     uint64
	Page    *content.Page
	Errs    diag.List
}

// writeShards writes the shards of parsed files to the new cache.
func (c *buildCache) writeShards() {
	var dirty []int
	for i := range c.shards {
		s := &c.shards[i]
		switch {
		case c.w == nil || len(s.next) == 0:
		case s.raw != nil && s.clean == len(s.next) && len(s.next) == len(s.load(c)):
			c.w.Add(binary.AppendUvarint([]byte{recordShard}, uint64(i)), s.raw)
		default:
			dirty = append(dirty, i)
		}
		s.raw = nil
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range dirty {
		s := &c.shards[i]
		g.Go(func() error {
			slices.SortFunc(s.next, func(a, b *parsedFile) int { return strings.Compare(a.Path, b.Path) })
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(s.next); err != nil {
				return err
			}
			return c.w.Add(binary.AppendUvarint([]byte{recordShard}, uint64(i)), buf.Bytes())
		})
	}
	if err := g.Wait(); err != nil {
		c.damaged(err)
	}
}

// registerKinds tells encoding/gob the front-matter type of each kind, so
// that a parsed page's Meta can be kept.
func registerKinds() {
	gob.Register(&content.Plain{})
	for _, k := range content.Kinds() {
		if k.Meta != nil {
			gob.Register(k.Meta())
		}
	}
}

// shard returns the shard of the parsed file at path.
func (c *buildCache) shard(path string) *parsedShard {
	h := fnv.New32a()
	h.Write([]byte(path))
	return &c.shards[h.Sum32()%parsedShards]
}

// load returns the files the last build kept in s, decoding them on
// first use.
func (s *parsedShard) load(c *buildCache) map[string]*parsedFile {
	s.once.Do(func() {
		if s.raw == nil {
			return
		}
		var files []*parsedFile
		if err := gob.NewDecoder(bytes.NewReader(s.raw)).Decode(&files); err != nil {
			c.damaged(err)
			s.raw = nil
			return
		}
		s.old = make(map[string]*parsedFile, len(files))
		for _, f := range files {
			s.old[f.Path] = f
		}
	})
	return s.old
}

// Page returns the page the last build parsed from the file at path, when
// the file is the same (its size, time and inode): content.Known.
func (c *buildCache) Page(path string, info fs.FileInfo) (*content.Page, diag.List, bool) {
	c.wait()
	f := c.shard(path).load(c)[path]
	if f == nil || !f.same(info) {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// same reports whether info describes the file f was parsed from.
func (f *parsedFile) same(info fs.FileInfo) bool {
	return f.Size == info.Size() && f.ModTime == info.ModTime().UnixNano() && f.Ino == inode(info) && !info.ModTime().IsZero()
}

// Same returns the page the last build parsed from the file at path, when
// the file has the same bytes: content.Known.
func (c *buildCache) Same(path string, sum [32]byte) (*content.Page, diag.List, bool) {
	c.wait()
	f := c.shard(path).load(c)[path]
	if f == nil || f.Page == nil || f.Page.Sum != sum {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// Parsed keeps the page parsed from the file at path for the next build:
// content.Known.
func (c *buildCache) Parsed(path string, info fs.FileInfo, p *content.Page, errs diag.List) {
	c.wait()
	if c.w == nil || p == nil || info.ModTime().IsZero() {
		return
	}
	s := c.shard(path)
	old := s.load(c)[path]
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next = append(s.next, &parsedFile{Path: path, Size: info.Size(), ModTime: info.ModTime().UnixNano(),
		Ino: inode(info), Page: p, Errs: errs})
	if old != nil && old.Page == p && old.same(info) && slices.Equal(old.Errs, errs) {
		s.clean++
	}
}
