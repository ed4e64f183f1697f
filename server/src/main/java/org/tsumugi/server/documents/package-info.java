/**
 * Documents and robot evidence under the login: pages serve only what the task or instance they show
 * refers to, audit every view, and upload form attachments into the document store.
 */
package org.tsumugi.server.documents;
