import type { PluginContext, PluginManifest } from './definePlugin';

export type PluginStatus = 'loaded' | 'failed';

/** A plugin the loader found, whether it loaded or not. */
export interface LoadedPlugin {
  name: string;
  /** Where its manifest came from: a built-in folder, a path or an npm package name. */
  source: string;
  builtIn: boolean;
  /** The folder whose store-named subfolders hold its pieces. */
  dir: string;
  status: PluginStatus;
  /** Why it failed, in words an operator can act on. */
  error?: string;
  manifest?: PluginManifest;
  /** The output of the manifest's config schema. */
  config?: unknown;
  context?: PluginContext;
}

/** A plugin that passed every load step, with the fields that are then guaranteed. */
export type ActivePlugin = LoadedPlugin & { status: 'loaded'; manifest: PluginManifest; context: PluginContext };

export const isActive = (plugin: LoadedPlugin): plugin is ActivePlugin =>
  plugin.status === 'loaded' && plugin.manifest !== undefined && plugin.context !== undefined;

/** Still loading: its manifest passed, and no step has failed it yet (it has no context before setup ends). */
export const isLoading = (plugin: LoadedPlugin): plugin is LoadedPlugin & { manifest: PluginManifest } =>
  plugin.status === 'loaded' && plugin.manifest !== undefined;

export function failPlugin(plugin: LoadedPlugin, reason: string): void {
  plugin.status = 'failed';
  plugin.error = reason;
}
