import type { PluginContext } from 'mellow';
import type { CopingConfig } from './config';
import { DetectionState } from './detectionState';

let context: PluginContext<CopingConfig> | undefined;

/** The process's one DetectionState; the manifest's load hook binds it to the plugin's context. */
export const detectionState = new DetectionState(
  () => {
    if (!context) throw new Error('The coping plugin has not loaded');
    return context.em();
  },
  () => (context?.config.COPING_SETTINGS_TTL_SECONDS ?? 60) * 1000,
);

export function bindDetectionState(pluginContext: PluginContext<CopingConfig>): Promise<void> {
  context = pluginContext;
  return detectionState.reload();
}
