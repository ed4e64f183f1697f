/** Deploys the models and forms kept in the repository folders when the server starts. */
package org.tsumugi.server.deploy;
