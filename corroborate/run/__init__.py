"""Running the pipeline: the stages over one connection, the run's options, the library calls of the CLI,
the Prefect server's processes and the progress a run reports."""
