package markdown

import (
	"sync"
	"unicode/utf8"
)

// byteBuffer is where goldmark writes one body's HTML, and the renderer
// its prose: a byte slice that is goldmark's util.BufWriter itself, so
// goldmark writes into it directly rather than through a bufio.Writer of
// its own, and that is used again for the next body, so the HTML of a page
// is copied once, into the string the page keeps, instead of being grown
// in steps.
type byteBuffer struct{ b []byte }

// Write implements io.Writer.
func (w *byteBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// WriteString implements util.BufWriter.
func (w *byteBuffer) WriteString(s string) (int, error) {
	w.b = append(w.b, s...)
	return len(s), nil
}

// WriteByte implements util.BufWriter.
func (w *byteBuffer) WriteByte(c byte) error {
	w.b = append(w.b, c)
	return nil
}

// WriteRune implements util.BufWriter.
func (w *byteBuffer) WriteRune(r rune) (int, error) {
	n := len(w.b)
	w.b = utf8.AppendRune(w.b, r)
	return len(w.b) - n, nil
}

// Available implements util.BufWriter: the room left before the slice
// grows.
func (w *byteBuffer) Available() int { return cap(w.b) - len(w.b) }

// Buffered implements util.BufWriter: what has been written.
func (w *byteBuffer) Buffered() int { return len(w.b) }

// Flush implements util.BufWriter. Everything written is already in the
// slice.
func (w *byteBuffer) Flush() error { return nil }

// maxKeptBuffer is the largest buffer kept for the next body: a body of a
// few megabytes, which the limits allow, does not keep its room for good.
const maxKeptBuffer = 1 << 20

// bufferPool holds the buffers of the bodies being rendered and those
// waiting for the next.
type bufferPool struct{ p sync.Pool }

// get returns an empty buffer.
func (p *bufferPool) get() *byteBuffer {
	if w, ok := p.p.Get().(*byteBuffer); ok {
		return w
	}
	return &byteBuffer{b: make([]byte, 0, 16<<10)}
}

// put returns w for the next body, unless it grew too large to keep.
func (p *bufferPool) put(w *byteBuffer) {
	if cap(w.b) > maxKeptBuffer {
		return
	}
	w.b = w.b[:0]
	p.p.Put(w)
}
