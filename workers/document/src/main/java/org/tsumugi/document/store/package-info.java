/**
 * Where documents live: content on disk under the data directory, addressed by a random id, with a
 * small metadata file beside it. Processes hold only a {@link org.tsumugi.document.DocumentReference};
 * people reach the content through {@link DocumentController}.
 */
package org.tsumugi.document.store;
