package devserver

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// keepAlive is how often an idle event stream gets a comment line, so that
// proxies and browsers do not time it out and a closed tab is noticed.
const keepAlive = 20 * time.Second

// client is one open page listening for events.
type client struct {
	path   string
	hash   uint64 // of the page the browser shows
	events chan string
}

// send queues an event without blocking; a client that is not reading
// keeps only the latest events.
func (c *client) send(event string) {
	select {
	case c.events <- event:
	default:
	}
}

// hub is the set of open event streams.
type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
	closed  bool
	done    chan struct{}
}

func newHub() *hub { return &hub{clients: map[*client]bool{}, done: make(chan struct{})} }

// each calls fn for every client, holding the lock so that fn may update
// the client's hash.
func (h *hub) each(fn func(*client)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		fn(c)
	}
}

// count returns the number of open streams.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serve streams events to one page until it goes away or the hub closes.
// The query gives the page's path and the hash it was sent with; hello is
// called once the client is registered.
func (h *hub) serve(w http.ResponseWriter, r *http.Request, hello func(*client)) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	hash, _ := strconv.ParseUint(r.URL.Query().Get("hash"), 16, 64)
	c := &client{path: r.URL.Query().Get("path"), hash: hash, events: make(chan string, 8)}
	if c.path == "" {
		c.path = "/"
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	h.mu.Lock()
	hello(c)
	h.mu.Unlock()

	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			flusher.Flush()
		case ev := <-c.events:
			if _, err := fmt.Fprintf(w, "event: %s\ndata: {}\n\n", ev); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
