'use strict';
const { definePlugin } = require('mellow');

/** The whole manifest: the bot finds the /roll command in commands/ beside this file. */
module.exports = definePlugin({
  name: 'dice',
  version: '1.0.0',
  description: 'Roll dice with /roll',
  core: '^0.1.0',
  permissions: ['SendMessages'],
  dataCollected: 'nothing',
});
