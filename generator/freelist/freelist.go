// Package freelist keeps values for reuse, as sync.Pool does, but keeps
// them through garbage collections.
//
// sync.Pool drops what it holds at every garbage collection, which suits
// buffers that are cheap to make again. A build collects garbage often,
// and some working memory is worth keeping: a table of the words seen on
// the pages before, which a new one learns again word by word, each under
// a lock or through a slower shared map. A List holds such values for as
// long as it lives; it never holds more than were ever in use at once.
package freelist

import "sync"

// A List is a list of idle values of type T. The zero List is empty and
// ready to use; it is safe for concurrent use.
type List[T any] struct {
	mu   sync.Mutex
	idle []T
}

// Get returns an idle value, taken off the list, or the result of newValue
// when the list is empty.
func (l *List[T]) Get(newValue func() T) T {
	l.mu.Lock()
	if n := len(l.idle); n > 0 {
		v := l.idle[n-1]
		var zero T
		l.idle[n-1] = zero
		l.idle = l.idle[:n-1]
		l.mu.Unlock()
		return v
	}
	l.mu.Unlock()
	return newValue()
}

// Put adds v to the list, for a later Get.
func (l *List[T]) Put(v T) {
	l.mu.Lock()
	l.idle = append(l.idle, v)
	l.mu.Unlock()
}
