package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.auth.Principal;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/pipeline} (how the pipeline is doing) and {@code GET /api/v1/population} (every
 * readable twin in personality and health space). Any signed-in user may see the pipeline: it holds no
 * one's data. The population holds only the twins the caller may read.
 */
public final class PipelineController {
  private final PipelineService pipeline;
  private final PopulationService population;

  public PipelineController(PipelineService pipeline, PopulationService population) {
    this.pipeline = pipeline;
    this.population = population;
  }

  public void pipeline(Context ctx) {
    Principal.of(ctx);
    ctx.json(pipeline.status());
  }

  public void population(Context ctx) {
    Principal caller = Principal.of(ctx);
    ctx.json(population.twins(caller.role().readsAll() ? null : caller.username()));
  }
}
