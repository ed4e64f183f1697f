package org.tsumugi.monshin.form;

/**
 * What is wrong with one answer, for the person who can fix it: the item's key (for the page to
 * mark the field), its label as the patient saw it and a Japanese message. Never quotes the answer.
 */
public record ItemProblem(String item, String label, String message) {}
