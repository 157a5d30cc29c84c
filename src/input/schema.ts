/**
 * The YAML schema Kubernetes actually uses.
 *
 * kubectl and the API machinery read YAML with sigs.k8s.io/yaml, which decodes with go-yaml v2
 * (YAML 1.1 scalar resolution) into `interface{}` and then converts to JSON. So, exactly as the
 * cluster would see it:
 *   - `yes`/`no`/`on`/`off`/`y`/`n` (any case variant go-yaml lists) are booleans: `privileged: yes`
 *     IS privileged;
 *   - `0644` is octal (420), as in `defaultMode: 0644`;
 *   - timestamps stay strings (go-yaml v2 keeps timestamp-looking scalars as strings for interface{});
 *   - merge keys (`<<: *base`) are honoured;
 *   - no `!!binary`, `!!set`, `!!omap`, `!!timestamp` and no custom tags: an unknown tag is an
 *     input error, never a constructor (nothing in the input is executed).
 */
import { Schema, boolYaml11Tag, floatYaml11Tag, intYaml11Tag, mapTag, mergeTag, nullYaml11Tag, seqTag, strTag } from 'js-yaml';

export const KUBERNETES_YAML_SCHEMA = new Schema([strTag, seqTag, mapTag, nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag]);
