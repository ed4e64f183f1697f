/**
 * What the web pages share: who is signed in ({@link org.tsumugi.server.web.CurrentUser}), which role may
 * open which page ({@link org.tsumugi.server.web.PageRoutes}), the patient-data audit hook
 * ({@link org.tsumugi.server.web.PatientDataViews}), the page language and the engine calls the pages make.
 */
package org.tsumugi.server.web;
